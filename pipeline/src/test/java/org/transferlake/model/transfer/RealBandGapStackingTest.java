package org.transferlake.model.transfer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.testing.MatbenchGaps;

/**
 * The learning curve of stacking on real data: matbench_expt_gap on the official folds, MP PBE gaps as the source
 * (as {@link RealBandGapTransferTest}), each training fold cut to a seeded subset of 25, 100 and 200 rows (nested,
 * as the pipeline's learning curves cut them) or kept whole; MAE on the whole test fold, mean over the 5 folds.
 * About 20 minutes on two cores, most of it the whole folds: run with {@code -Dtransferlake.real-curve=true}
 * ({@code -Dtransferlake.curve-sizes=25,100,200} for the small sizes alone, about 2 minutes).
 */
class RealBandGapStackingTest {
  private static final ValueRange BAND_GAP = new ValueRange(0, 30);
  private static final ForestLearner TARGET_LEARNER = ForestLearner.defaults().withTrees(100);
  private static final ForestLearner SOURCE_LEARNER = new ForestLearner(12, 0.2, 0, 5, true, 0);
  /** Training rows per fold; 0: all. */
  private static final int[] SIZES = Arrays.stream(System.getProperty("transferlake.curve-sizes", "25,100,200,0")
      .split(",")).mapToInt(Integer::parseInt).toArray();
  private static final ArchitectureSettings SETTINGS = new ArchitectureSettings(true, false);

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

  /** The first {@code n} of the training rows in a seeded order (all for 0): smaller sizes are subsets. */
  private static int[] subsample(int[] train, int n, int fold) {
    if (n == 0 || n >= train.length) {
      return train;
    }
    int[] shuffled = train.clone();
    SplittableRandom random = new SplittableRandom(Seeds.derive(42, "learning-curve", fold));
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = swap;
    }
    int[] out = Arrays.copyOf(shuffled, n);
    Arrays.sort(out);
    return out;
  }

  /** Mean over the folds of the test MAE, means moved into the band gap's range. */
  private static double mae(Architecture architecture, int size) {
    double sum = 0;
    for (int k = 0; k < 5; k++) {
      ContextSet train = target.subset(subsample(data.rows(k, false), size, k));
      ContextSet test = target.subset(data.rows(k, true));
      TransferModel model = architecture.fit(new TransferData(train, List.of(source), BAND_GAP), TARGET_LEARNER,
          sourceModels, 42);
      double[] mean = BAND_GAP.apply(model.predict(test.keys(), test.x()).mean(0), new double[test.rows()]).mean();
      double fold = 0;
      for (int i = 0; i < mean.length; i++) {
        fold += Math.abs(mean[i] - test.y()[i]) / mean.length;
      }
      if (architecture instanceof Stacked) {
        System.out.println("size " + (size == 0 ? "all" : size) + " fold " + k + ": "
            + model.options().get(Stacked.WEIGHTS));
      }
      sum += fold;
    }
    return sum / 5;
  }

  @Test
  @EnabledIfSystemProperty(named = "transferlake.real-curve", matches = "true")
  void learningCurve() {
    Map<String, Architecture> architectures = new LinkedHashMap<>();
    architectures.put("source_only", new SourceOnly(true));
    architectures.put("target_only", new TargetOnly());
    architectures.put("difference", new Difference(true, false));
    architectures.put("stacked_difference", new Stacked(Difference.COMPONENT, SETTINGS));
    StringBuilder table = new StringBuilder(String.format("%-20s", "architecture"));
    for (int size : SIZES) {
      table.append(String.format("%8s", size == 0 ? "all" : Integer.toString(size)));
    }
    table.append('\n');
    for (Map.Entry<String, Architecture> a : architectures.entrySet()) {
      table.append(String.format("%-20s", a.getKey()));
      for (int size : SIZES) {
        long t0 = System.nanoTime();
        double mae = mae(a.getValue(), size);
        System.out.printf("%s %s: %.4f (%.0f s)%n", a.getKey(), size, mae, (System.nanoTime() - t0) / 1e9);
        table.append(String.format("%8.4f", mae));
      }
      table.append('\n');
    }
    System.out.print(table);
  }
}
