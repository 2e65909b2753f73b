package org.transferlake.model.learn.forest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.transferlake.model.learn.FitCosts;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.LearnerComponent;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Param;
import org.transferlake.model.learn.ParamValues;
import org.transferlake.model.learn.Provenance;
import org.transferlake.model.learn.SigmaCalibration;
import org.transferlake.model.learn.TrainingSet;

/**
 * Bagged decision trees with jackknife-after-bootstrap uncertainty (Wager, Hastie and Efron 2014), single- or
 * multi-task, regression and classification, as Citrine's lolo does. Ours because no library on Maven Central
 * grows trees on several labels with missing values and keeps the bootstrap counts the jackknife needs.
 *
 * @param trees number of trees
 * @param maxFeatures fraction of the features tried at each split, in (0, 1]
 * @param maxDepth deepest level a tree may reach; 0 grows until leaves are pure or too small
 * @param minLeaf fewest distinct training rows in a leaf
 * @param calibrate calibrate standard deviations out of bag so that 68% of errors fall within one, with a floor
 *     from the errors (see {@link SigmaCalibration})
 * @param threads trees grown at once; 0 uses every core (inside a Spark task use 1)
 */
public record ForestLearner(int trees, double maxFeatures, int maxDepth, int minLeaf, boolean calibrate, int threads)
    implements Learner {

  public static final Param<Integer> TREES = Param.wholeNumber("trees", "number of trees", 200, v -> v >= 2,
      "at least 2 (the jackknife needs several trees)");
  public static final Param<Double> MAX_FEATURES = Param.number("max-features",
      "fraction of the features tried at each split", 1.0, v -> v > 0 && v <= 1, "a fraction in (0, 1]");
  public static final Param<Integer> MAX_DEPTH = Param.wholeNumber("max-depth",
      "deepest level a tree may reach; 0 grows until leaves are pure or too small", 0, v -> v >= 0,
      "0 (unlimited) or more");
  public static final Param<Integer> MIN_LEAF = Param.wholeNumber("min-leaf", "fewest distinct training rows in a leaf",
      1, v -> v >= 1, "1 or more");
  public static final Param<Boolean> CALIBRATE = Param.flag("calibrate",
      "calibrate standard deviations so that 68% of out-of-bag errors fall within one, never 0", true);

  /** The forest as the pipeline sees it: {@code forest} in experiment files. */
  public static final LearnerComponent COMPONENT = new LearnerComponent(ForestModel.LEARNER,
      "bagged trees with jackknife-after-bootstrap uncertainty, as lolo", List.of(TREES, MAX_FEATURES, MAX_DEPTH,
          MIN_LEAF, CALIBRATE), false, ForestLearner::of, ForestLearner::fitSeconds, ForestModel::read,
      new LearnerComponent.Budget(TREES, 2));

  public ForestLearner {
    TREES.check(trees);
    MAX_FEATURES.check(maxFeatures);
    MAX_DEPTH.check(maxDepth);
    MIN_LEAF.check(minLeaf);
    if (threads < 0) {
      throw new IllegalArgumentException("forest threads = " + threads + ": expected 0 (all cores) or more");
    }
  }

  /** 200 trees on every feature, fully grown, calibrated (the params' defaults). */
  public static ForestLearner defaults() {
    return of(COMPONENT.values(Map.of()), 0);
  }

  private static ForestLearner of(ParamValues p, int threads) {
    return new ForestLearner(p.get(TREES), p.get(MAX_FEATURES), p.get(MAX_DEPTH), p.get(MIN_LEAF), p.get(CALIBRATE),
        threads);
  }

  private static double fitSeconds(ParamValues p, double rows) {
    return FitCosts.trees(rows, p.get(TREES), p.get(MAX_FEATURES));
  }

  public ForestLearner withTrees(int n) {
    return new ForestLearner(n, maxFeatures, maxDepth, minLeaf, calibrate, threads);
  }

  public ForestLearner withThreads(int n) {
    return new ForestLearner(trees, maxFeatures, maxDepth, minLeaf, calibrate, n);
  }

  @Override
  public String name() {
    return ForestModel.LEARNER;
  }

  @Override
  public Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(TREES.name(), TREES.write(trees));
    p.put(MAX_FEATURES.name(), MAX_FEATURES.write(maxFeatures));
    p.put(MAX_DEPTH.name(), MAX_DEPTH.write(maxDepth));
    p.put(MIN_LEAF.name(), MIN_LEAF.write(minLeaf));
    p.put(CALIBRATE.name(), CALIBRATE.write(calibrate));
    return p;
  }

  @Override
  public Model fit(TrainingSet data, long seed) {
    data.requireEveryLabelHasAValue();
    ForestData prepared = new ForestData(data);
    int mtry = Math.max(1, (int) (maxFeatures * data.features()));
    byte[][] inBag = new byte[trees][];
    Tree[] grown = new Tree[trees];
    Runnable growAll = () -> IntStream.range(0, trees).parallel().forEach(t -> {
      // Each tree's randomness depends only on (seed, t): the forest is the same whatever the thread order.
      SplittableRandom random = new SplittableRandom(mix(seed, t));
      int[] counts = bootstrap(data.rows(), random);
      inBag[t] = toBytes(counts);
      grown[t] = new TreeBuilder(prepared, counts, mtry, maxDepth, minLeaf, random).build();
    });
    int parallelism = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    ForkJoinPool pool = new ForkJoinPool(parallelism);
    try {
      pool.submit(growAll).join();
    } finally {
      pool.shutdown();
    }
    Provenance provenance = provenance(data, seed, Map.of());
    ForestModel model = new ForestModel(data.labels(), data.features(), grown, inBag, null, provenance);
    SigmaCalibration[] calibrations = calibrate ? Calibration.fit(model, data) : null;
    return new ForestModel(data.labels(), data.features(), grown, inBag, calibrations, provenance);
  }

  private static int[] bootstrap(int n, SplittableRandom random) {
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[random.nextInt(n)]++;
    }
    return counts;
  }

  private static byte[] toBytes(int[] counts) {
    byte[] out = new byte[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = (byte) Math.min(counts[i], 127); // a row drawn over 127 times in one bootstrap never happens in practice
    }
    return out;
  }

  /** SplitMix64 finaliser over (seed, index): independent, well-spread seeds for each tree. */
  static long mix(long seed, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
