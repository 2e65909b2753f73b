package org.transferlake.model.learn.forest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one tree by exact best splits over presorted features (classic CART with presorting): a node is a
 * segment of every feature's sorted row list, so finding a split is one scan per candidate feature and
 * splitting is a stable partition of each list. Bootstrap multiplicities act as row weights; out-of-bag rows
 * are not in the tree at all. A split minimises the weighted sum over labels of the children's impurities
 * (sum of squared errors for regression, Gini for classification), each label counting only rows where it is
 * present.
 */
final class TreeBuilder {
  private static final double EPSILON = 1e-12;

  private final ForestData data;
  private final int[] counts;
  private final int maxFeatures;
  private final int maxDepth;
  private final int minLeaf;
  private final SplittableRandom random;

  /** order[f][s..e) are a node's rows sorted by feature f. */
  private final int[][] order;
  private final int[] buffer;
  private final boolean[] goesLeft;
  private final int[] candidates;
  /** Per-label statistics: regression {W, S1, S2}, classification {W, n_0..n_k-1}. */
  private final int[] statOffset;
  private final int statWidth;
  private final double[] leftStats;

  private int nodeCount;
  private int[] feature = new int[64];
  private double[] threshold = new double[64];
  private int[] left = new int[64];
  private int[] right = new int[64];
  private double[] values;

  TreeBuilder(ForestData data, int[] counts, int maxFeatures, int maxDepth, int minLeaf, SplittableRandom random) {
    this.data = data;
    this.counts = counts;
    this.maxFeatures = maxFeatures;
    this.maxDepth = maxDepth;
    this.minLeaf = minLeaf;
    this.random = random;
    int inBag = 0;
    for (int c : counts) {
      if (c > 0) {
        inBag++;
      }
    }
    order = new int[data.features][inBag];
    for (int f = 0; f < data.features; f++) {
      int k = 0;
      for (int r : data.sorted[f]) {
        if (counts[r] > 0) {
          order[f][k++] = r;
        }
      }
    }
    buffer = new int[inBag];
    goesLeft = new boolean[data.rows];
    candidates = new int[data.features];
    for (int f = 0; f < candidates.length; f++) {
      candidates[f] = f;
    }
    statOffset = new int[data.labels.size()];
    int w = 0;
    for (int j = 0; j < statOffset.length; j++) {
      statOffset[j] = w;
      w += data.labels.get(j).isClassification() ? 1 + data.labels.get(j).width() : 3;
    }
    statWidth = w;
    leftStats = new double[statWidth];
    values = new double[64 * data.width];
  }

  Tree build() {
    int n = order.length == 0 ? 0 : order[0].length;
    if (n == 0) {
      throw new IllegalStateException("a bootstrap sample with no rows");
    }
    int root = newNode(stats(0, n), null);
    grow(root, 0, n, 0);
    return new Tree(Arrays.copyOf(feature, nodeCount), Arrays.copyOf(threshold, nodeCount),
        Arrays.copyOf(left, nodeCount), Arrays.copyOf(right, nodeCount),
        Arrays.copyOf(values, nodeCount * data.width), data.width);
  }

  private void grow(int node, int start, int end, int depth) {
    // Recursion depth is bounded by the tree depth, at most the number of distinct rows of a bootstrap.
    double[] parent = stats(start, end);
    double parentImpurity = impurity(parent);
    if (end - start < 2 * minLeaf || (maxDepth > 0 && depth >= maxDepth) || parentImpurity <= EPSILON) {
      return;
    }
    int bestFeature = -1;
    double bestGain = EPSILON;
    double bestThreshold = 0;
    int tried = 0;
    for (int c = 0; c < candidates.length && tried < maxFeatures; c++) {
      int pick = c + random.nextInt(candidates.length - c); // partial Fisher-Yates: a fresh subset per node
      int f = candidates[pick];
      candidates[pick] = candidates[c];
      candidates[c] = f;
      tried++;
      double[] x = data.xcol[f];
      int[] rows = order[f];
      Arrays.fill(leftStats, 0);
      for (int i = start; i < end - 1; i++) {
        add(leftStats, rows[i]);
        int leftRows = i - start + 1;
        double v = x[rows[i]];
        double next = x[rows[i + 1]];
        if (!(next > v) || leftRows < minLeaf || end - start - leftRows < minLeaf) {
          continue;
        }
        double gain = parentImpurity - impurity(leftStats) - rightImpurity(parent, leftStats);
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = f;
          double mid = v + (next - v) / 2;
          bestThreshold = mid < next ? mid : v;
        }
      }
    }
    if (bestFeature < 0) {
      return;
    }
    int leftCount = partition(bestFeature, bestThreshold, start, end);
    double[] nodeValues = Arrays.copyOfRange(values, node * data.width, (node + 1) * data.width);
    int l = newNode(stats(start, start + leftCount), nodeValues);
    int r = newNode(stats(start + leftCount, end), nodeValues);
    feature[node] = bestFeature;
    threshold[node] = bestThreshold;
    left[node] = l;
    right[node] = r;
    grow(l, start, start + leftCount, depth + 1);
    grow(r, start + leftCount, end, depth + 1);
  }

  /** Moves rows with x <= threshold before the others in every feature's list, keeping each list sorted. */
  private int partition(int f, double cut, int start, int end) {
    double[] x = data.xcol[f];
    int leftCount = 0;
    for (int i = start; i < end; i++) {
      int r = order[f][i];
      goesLeft[r] = x[r] <= cut;
      if (goesLeft[r]) {
        leftCount++;
      }
    }
    for (int[] rows : order) {
      int l = start;
      int b = 0;
      for (int i = start; i < end; i++) {
        int r = rows[i];
        if (goesLeft[r]) {
          rows[l++] = r;
        } else {
          buffer[b++] = r;
        }
      }
      System.arraycopy(buffer, 0, rows, l, b);
    }
    return leftCount;
  }

  private double[] stats(int start, int end) {
    double[] s = new double[statWidth];
    int[] rows = order[0];
    for (int i = start; i < end; i++) {
      add(s, rows[i]);
    }
    return s;
  }

  private void add(double[] s, int row) {
    double w = counts[row];
    for (int j = 0; j < statOffset.length; j++) {
      double y = data.ycol[j][row];
      if (Double.isNaN(y)) {
        continue;
      }
      int o = statOffset[j];
      s[o] += w;
      if (data.labels.get(j).isClassification()) {
        s[o + 1 + (int) y] += w;
      } else {
        s[o + 1] += w * y;
        s[o + 2] += w * y * y;
      }
    }
  }

  private double impurity(double[] s) {
    double total = 0;
    for (int j = 0; j < statOffset.length; j++) {
      total += data.scale[j] * labelImpurity(j, s, null);
    }
    return total;
  }

  private double rightImpurity(double[] parent, double[] leftSide) {
    double total = 0;
    for (int j = 0; j < statOffset.length; j++) {
      total += data.scale[j] * labelImpurity(j, parent, leftSide);
    }
    return total;
  }

  /** Impurity of label j in {@code s}, or in {@code s - minus} when {@code minus} is given. */
  private double labelImpurity(int j, double[] s, double[] minus) {
    int o = statOffset[j];
    double w = s[o] - (minus == null ? 0 : minus[o]);
    if (w <= 0) {
      return 0;
    }
    if (data.labels.get(j).isClassification()) {
      double sumSquares = 0;
      for (int k = 1; k <= data.labels.get(j).width(); k++) {
        double n = s[o + k] - (minus == null ? 0 : minus[o + k]);
        sumSquares += n * n;
      }
      return w - sumSquares / w;
    }
    double s1 = s[o + 1] - (minus == null ? 0 : minus[o + 1]);
    double s2 = s[o + 2] - (minus == null ? 0 : minus[o + 2]);
    return Math.max(0, s2 - s1 * s1 / w);
  }

  /** Adds a node whose values are its rows' means (or class frequencies), its parent's where a label is absent. */
  private int newNode(double[] s, double[] parentValues) {
    if (nodeCount == feature.length) {
      int capacity = nodeCount * 2;
      feature = Arrays.copyOf(feature, capacity);
      threshold = Arrays.copyOf(threshold, capacity);
      left = Arrays.copyOf(left, capacity);
      right = Arrays.copyOf(right, capacity);
      values = Arrays.copyOf(values, capacity * data.width);
    }
    int node = nodeCount++;
    feature[node] = -1;
    int base = node * data.width;
    for (int j = 0; j < statOffset.length; j++) {
      int o = statOffset[j];
      int v = base + data.offset[j];
      int width = data.labels.get(j).width();
      if (s[o] <= 0) {
        for (int k = 0; k < width; k++) {
          values[v + k] = parentValues == null ? Double.NaN : parentValues[data.offset[j] + k];
        }
      } else if (data.labels.get(j).isClassification()) {
        for (int k = 0; k < width; k++) {
          values[v + k] = s[o + 1 + k] / s[o];
        }
      } else {
        values[v] = s[o + 1] / s[o];
      }
    }
    return node;
  }
}
