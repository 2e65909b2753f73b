package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.transferlake.composition.Composition;
import org.transferlake.composition.FormulaParser;
import org.transferlake.testing.SharedCsv;

class FractionsFeaturizerTest {
  private final FractionsFeaturizer featurizer = new FractionsFeaturizer();

  @Test
  void oneColumnPerElementNamedAfterItsSymbol() {
    String[] names = featurizer.featureNames();
    assertEquals(118, names.length);
    assertEquals(118, featurizer.featureCount());
    assertEquals("frac_h", names[0]);
    assertEquals("frac_he", names[1]);
    assertEquals("frac_fe", names[25]);
    assertEquals("frac_og", names[117]);
    assertEquals("fractions", featurizer.preset());
  }

  @Test
  void eachElementsColumnHoldsItsAtomicFractionAndTheRestAreZero() {
    double[] out = new double[120];
    Arrays.fill(out, -1);
    featurizer.featurize(FormulaParser.parse("Fe2O3"), out, 1);
    assertEquals(-1, out[0]);
    assertEquals(0.4, out[1 + 25], 1e-15);
    assertEquals(0.6, out[1 + 7], 1e-15);
    assertEquals(0.0, out[1 + 0]);
    assertEquals(-1, out[119]);
  }

  @Test
  void fractionsOfEveryMatbenchCompositionSumToOne() {
    SharedCsv gaps = SharedCsv.read("data/crabnet/matbench/expt_gap.csv");
    int formula = gaps.column("formula");
    double[] out = new double[featurizer.featureCount()];
    assertAll(gaps.rows().stream().map(row -> () -> {
      Composition c = FormulaParser.parse(row[formula]);
      featurizer.featurize(c, out, 0);
      assertEquals(1.0, Arrays.stream(out).sum(), 1e-12, row[formula]);
    }));
  }

  @Test
  void atomicNumbersOutsideTheTableAreRefused() {
    double[] out = new double[featurizer.featureCount() + 1];
    assertThrows(IllegalArgumentException.class,
        () -> featurizer.featurize(new int[] {0}, new double[] {1.0}, 1, out, 1));
  }
}
