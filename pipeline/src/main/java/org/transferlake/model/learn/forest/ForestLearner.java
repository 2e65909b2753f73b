package org.transferlake.model.learn.forest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Provenance;
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
 * @param calibrate rescale standard deviations so that 68% of out-of-bag errors fall within one (as lolo does)
 * @param threads trees grown at once; 0 uses every core (inside a Spark task use 1)
 */
public record ForestLearner(int trees, double maxFeatures, int maxDepth, int minLeaf, boolean calibrate, int threads)
    implements Learner {

  public ForestLearner {
    require(trees >= 2, "trees", trees, "at least 2 (the jackknife needs several trees)");
    require(maxFeatures > 0 && maxFeatures <= 1, "max_features", maxFeatures, "a fraction in (0, 1]");
    require(maxDepth >= 0, "max_depth", maxDepth, "0 (unlimited) or more");
    require(minLeaf >= 1, "min_leaf", minLeaf, "1 or more");
    require(threads >= 0, "threads", threads, "0 (all cores) or more");
  }

  /** 200 trees on every feature, fully grown, calibrated. */
  public static ForestLearner defaults() {
    return new ForestLearner(200, 1.0, 0, 1, true, 0);
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
    p.put("trees", Integer.toString(trees));
    p.put("max_features", Double.toString(maxFeatures));
    p.put("max_depth", Integer.toString(maxDepth));
    p.put("min_leaf", Integer.toString(minLeaf));
    p.put("calibrate", Boolean.toString(calibrate));
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
    double[] ratios = calibrate ? Calibration.rescaleRatios(model, data) : null;
    return new ForestModel(data.labels(), data.features(), grown, inBag, ratios, provenance);
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

  private static void require(boolean ok, String key, Object value, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("forest " + key + " = " + value + ": expected " + expected);
    }
  }
}
