package org.transferlake.train.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.transferlake.model.components.Components;

/** The fit of the learners' cost corrections from synthetic metrics rows: no timing, no Spark. */
class MeasuredCostsTest {
  private static final String PARAMS = "max-features=0.33,trees=100";

  /** The declared seconds of a forest of 100 trees on {@code rows} rows, target_only. */
  private static double declared(int rows) {
    return Components.learner("forest").fitSeconds(Map.of("trees", "100", "max-features", "0.33"), rows)
        * Components.architecture("target_only").costFactor();
  }

  /** {@code n} forest fits on 100 ... 3,200 rows that took {@code scale} × (rows / 800)^{@code exponent} of it. */
  private static List<MeasuredCosts.Fit> fits(int n, double scale, double exponent, long startedAt, String run) {
    List<MeasuredCosts.Fit> fits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int rows = 100 << (i % 6);
      fits.add(new MeasuredCosts.Fit(run, "u" + i, startedAt, "target_only", "forest", PARAMS, rows,
          declared(rows) * scale * Math.pow(rows / 800.0, exponent)));
    }
    return fits;
  }

  @Test
  void recoversAKnownScaleAndExponentInRows() {
    MeasuredCosts costs = MeasuredCosts.of(fits(60, 2.0, 0.2, 1000, "r1"), 30);
    for (int rows : new int[] {100, 800, 3200, 10_000}) {
      assertEquals(2.0 * Math.pow(rows / 800.0, 0.2), costs.factor("forest", rows), 1e-9, "at " + rows + " rows");
    }
    assertEquals(1.0, costs.factor("mlp", 800), "a learner without fits keeps its declared cost");
    double measured = 0;
    double declared = 0;
    for (int i = 0; i < 60; i++) {
      int rows = 100 << (i % 6);
      measured += declared(rows) * 2.0 * Math.pow(rows / 800.0, 0.2);
      declared += declared(rows);
    }
    assertEquals(measured / declared, costs.speed(), 1e-9, "the work around the fits scales as the fits do, the"
        + " longest weighing most");
    assertTrue(costs.describe().startsWith("from 60 fits in this lake's runs of the last 30 days (forest x"),
        costs.describe());
  }

  @Test
  void fewerFitsThanTheMinimumOrFitsOfPooledRowsKeepTheBuiltInConstants() {
    List<MeasuredCosts.Fit> few = fits(MeasuredCosts.MIN_FITS - 1, 3.0, 0, 1000, "r1");
    fits(40, 3.0, 0, 1000, "r2").forEach(f -> few.add(new MeasuredCosts.Fit(f.runId(), f.unitId(), f.startedAt(),
        "naive_union", f.learner(), f.params(), f.rows(), f.seconds()))); // its rows are not n_train
    MeasuredCosts costs = MeasuredCosts.of(few, 30);

    assertFalse(costs.measured());
    assertEquals(1.0, costs.factor("forest", 800));
    assertEquals("from the built-in constants", costs.describe());
    assertEquals(1.0, costs.speed());
  }

  @Test
  void onlyTheMostRecentFitsCountAndTheirOrderDoesNot() {
    List<MeasuredCosts.Fit> all = new ArrayList<>(fits(MeasuredCosts.MAX_FITS, 2.0, 0, 2000, "recent"));
    all.addAll(fits(500, 10.0, 0, 1000, "older"));
    double factor = MeasuredCosts.of(all, 30).factor("forest", 800);
    Collections.shuffle(all, new Random(1));

    assertEquals(2.0, factor, 1e-9, "the older run's slower fits are past the most recent " + MeasuredCosts.MAX_FITS);
    assertEquals(factor, MeasuredCosts.of(all, 30).factor("forest", 800), 0.0, "the same fits, the same estimate");
  }

  @Test
  void sizesTooCloseTogetherFitTheScaleOnly() {
    List<MeasuredCosts.Fit> same = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      same.add(new MeasuredCosts.Fit("r", "u" + i, 0, "target_only", "forest", PARAMS, 1000 + i,
          declared(1000 + i) * 1.5));
    }
    MeasuredCosts.Correction c = MeasuredCosts.of(same, 30).correction("forest");
    assertEquals(0.0, c.exponent());
    assertEquals(1.5, c.scale(), 1e-9);
  }
}
