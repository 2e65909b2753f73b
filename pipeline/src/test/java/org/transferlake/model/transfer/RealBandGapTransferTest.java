package org.transferlake.model.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.testing.MatbenchGaps;

/**
 * The paper's first study in small, on real data: matbench_expt_gap on the official Matbench folds, with the
 * Materials Project PBE gap (median over polymorphs per composition) as the source context. Using a test
 * composition's measured PBE gap is allowed: it is another context's data, not the test target.
 */
class RealBandGapTransferTest {
  private static final double MATBENCH_RANDOM_FOREST = 0.4461;
  /** The band gap's range in the property catalog. */
  private static final ValueRange BAND_GAP = new ValueRange(0, 30);
  private static final ForestLearner TARGET_LEARNER = ForestLearner.defaults().withTrees(100);
  /** A lighter forest for the 78,000-composition source: only the 27% of targets MP lacks use it. */
  private static final ForestLearner SOURCE_LEARNER = new ForestLearner(12, 0.2, 0, 5, true, 0);

  private static MatbenchGaps data;
  private static ContextSet target;
  private static ContextSet source;
  private static SourceModels sourceModels;

  @BeforeAll
  static void load() {
    data = MatbenchGaps.load();
    target = data.target();
    source = data.pbeSource();
    sourceModels = SourceModels.of(List.of(source), SOURCE_LEARNER, 0, 1);
  }

  /**
   * Per-fold MAE and the fraction of test errors within one standard deviation, with the means moved into the
   * band gap's range as the pipeline moves them; the last row pools every fold's test rows.
   */
  private static double[][] crossValidate(Architecture architecture) {
    double[][] out = new double[6][2];
    int rows = 0;
    for (int k = 0; k < 5; k++) {
      ContextSet train = target.subset(data.rows(k, false));
      ContextSet test = target.subset(data.rows(k, true));
      Prediction p = architecture.fit(new TransferData(train, List.of(source), BAND_GAP), TARGET_LEARNER,
          sourceModels, 42).predict(test.keys(), test.x());
      ValueRange.Within used = BAND_GAP.apply(p.mean(0), p.std(0));
      double[] mean = used.mean();
      double[] std = used.std();
      int within = 0;
      for (int i = 0; i < mean.length; i++) {
        double error = Math.abs(mean[i] - test.y()[i]);
        out[k][0] += error / mean.length;
        within += error <= std[i] ? 1 : 0;
        assertTrue(std[i] > 0, "σ of a test row");
      }
      out[k][1] = within / (double) mean.length;
      out[5][1] += within;
      rows += mean.length;
    }
    out[5][1] /= rows;
    return out;
  }

  /** The share within 1σ over every fold's test rows. */
  private static double pooledWithin(double[][] folds) {
    return folds[5][1];
  }

  private static double meanMae(double[][] folds) {
    double sum = 0;
    for (int k = 0; k < 5; k++) {
      sum += folds[k][0];
    }
    return sum / 5;
  }

  /** The lookup a sceptic tries: the PBE gap itself, no target row used for the mean; σ from the residuals. */
  @Test
  void theSourceValueItselfScoresAboutHalfAnElectronVoltWithHonestSigma() {
    double[][] sourceOnly = crossValidate(new SourceOnly(true));
    StringBuilder table = new StringBuilder("fold  source_only  within_1sd\n");
    for (int k = 0; k < 5; k++) {
      table.append(String.format("%d     %.4f       %.3f%n", k, sourceOnly[k][0], sourceOnly[k][1]));
    }
    table.append(String.format("mean  %.4f       %.3f%n", meanMae(sourceOnly), pooledWithin(sourceOnly)));
    System.out.print(table);
    assertEquals(0.477, meanMae(sourceOnly), 0.02, "the issue's figure\n" + table);
    assertEquals(0.68, pooledWithin(sourceOnly), 0.05, "share of errors within 1σ\n" + table);
  }

  /**
   * Scores, and calibration: about 68% of all test rows within 1σ, the exact zeros of metals included (before the
   * calibration counted them, 76% for target_only; before it saw the means moved to 0, 75% for difference).
   */
  @Test
  void targetOnlyForestMatchesMatbenchTransferBeatsItAndOneSigmaCoversTwoThirds() {
    Map<String, double[][]> runs = new java.util.LinkedHashMap<>();
    runs.put("target_only", crossValidate(new TargetOnly()));
    runs.put("latent_variable", crossValidate(new LatentVariable(true, false)));
    runs.put("difference", crossValidate(new Difference(true, false)));
    StringBuilder table = new StringBuilder("architecture     mae     within_1sd  (folds 0-4, then all rows)\n");
    runs.forEach((name, folds) -> {
      table.append(String.format("%-16s %.4f  ", name, meanMae(folds)));
      for (double[] fold : folds) {
        table.append(String.format(" %.3f", fold[1]));
      }
      table.append('\n');
    });
    System.out.print(table);
    double baseline = meanMae(runs.get("target_only"));
    assertEquals(MATBENCH_RANDOM_FOREST, baseline, 0.02, "target-only forest vs Matbench's random forest\n" + table);
    assertTrue(meanMae(runs.get("latent_variable")) <= baseline - 0.08,
        "latent variable must beat target only by 0.08 eV\n" + table);
    runs.forEach((name, folds) -> assertEquals(0.68, pooledWithin(folds), 0.05, name + "\n" + table));
  }
}
