package org.transferlake.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.composition.Composition;
import org.transferlake.composition.FormulaParser;
import org.transferlake.featurize.MagpieElementRows;
import org.transferlake.featurize.MagpieFeaturizer;
import org.transferlake.featurize.MagpiePreset;
import org.transferlake.model.learn.Label;
import org.transferlake.model.transfer.ContextSet;

/**
 * The real band-gap task for learner tests: matbench_expt_gap with Magpie features and the official Matbench
 * folds, and the Materials Project PBE gap (median over polymorphs per composition key) as a source context.
 */
public final class MatbenchGaps {
  public final String[] keys;
  public final double[][] x;
  public final double[] experimental;
  public final int[] fold;
  public final MagpieFeaturizer featurizer;
  /** Median PBE gap per composition key over every row of matbench mp_gap. */
  public final Map<String, Double> pbeMedian;

  private static MatbenchGaps instance;

  private MatbenchGaps() {
    featurizer = MagpieFeaturizer.of(MagpiePreset.MAGPIE, MagpieElementRows.read());
    SharedCsv gaps = SharedCsv.read("data/crabnet/matbench/expt_gap.csv");
    SharedCsv folds = SharedCsv.read("reference/matbench_expt_gap_folds.csv");
    int n = gaps.rows().size();
    keys = new String[n];
    x = new double[n][];
    experimental = new double[n];
    fold = new int[n];
    for (int i = 0; i < n; i++) {
      String[] row = gaps.rows().get(i);
      String[] foldRow = folds.rows().get(i);
      if (!foldRow[0].equals(row[0])) {
        throw new IllegalStateException("fold file row " + i + " is " + foldRow[0] + ", data row is " + row[0]);
      }
      Composition c = FormulaParser.parse(row[0]);
      keys[i] = c.key();
      x[i] = features(c);
      experimental[i] = Double.parseDouble(row[1]);
      fold[i] = Integer.parseInt(foldRow[1]);
    }
    pbeMedian = medianByKey(SharedCsv.read("data/crabnet/matbench/mp_gap.csv"));
  }

  /** Read once per test JVM: parsing and featurizing takes a second. */
  public static synchronized MatbenchGaps load() {
    if (instance == null) {
      instance = new MatbenchGaps();
    }
    return instance;
  }

  public double[] features(Composition c) {
    double[] out = new double[featurizer.featureCount()];
    featurizer.featurize(c.atomicNumbers(), c.fractions(), c.size(), out, 0);
    return out;
  }

  /** matbench_expt_gap as the target context. */
  public ContextSet target() {
    return new ContextSet("band_gap/experiment/matbench_expt_gap", Label.regression("band_gap"), keys, x,
        experimental);
  }

  /** The MP PBE gaps (median per composition key, in key order) as the source context, with Magpie features. */
  public ContextSet pbeSource() {
    List<String> sourceKeys = new ArrayList<>();
    List<double[]> sourceX = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (Map.Entry<String, Double> e : new java.util.TreeMap<>(pbeMedian).entrySet()) {
      sourceKeys.add(e.getKey());
      sourceX.add(features(Composition.ofKey(e.getKey())));
      y.add(e.getValue());
    }
    return new ContextSet("band_gap/pbe/matbench_mp_gap", Label.regression("band_gap"),
        sourceKeys.toArray(new String[0]), sourceX.toArray(new double[0][]),
        y.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Row indices of one fold (test) or of every other fold (train). */
  public int[] rows(int k, boolean inFold) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < fold.length; i++) {
      if ((fold[i] == k) == inFold) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Map<String, Double> medianByKey(SharedCsv csv) {
    Map<String, List<Double>> byKey = new HashMap<>();
    for (String[] row : csv.rows()) {
      byKey.computeIfAbsent(FormulaParser.parse(row[0]).key(), k -> new ArrayList<>()).add(Double.parseDouble(row[1]));
    }
    Map<String, Double> out = new HashMap<>();
    byKey.forEach((key, values) -> {
      values.sort(null);
      int m = values.size();
      out.put(key, m % 2 == 1 ? values.get(m / 2) : (values.get(m / 2 - 1) + values.get(m / 2)) / 2);
    });
    return out;
  }
}
