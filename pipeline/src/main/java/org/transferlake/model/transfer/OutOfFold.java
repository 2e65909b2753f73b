package org.transferlake.model.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.ValueRange;

/**
 * Out-of-fold predictions of several architectures on a target's training rows: the rows are dealt to k folds by
 * composition key (no composition on both sides), and each row is predicted by each architecture fitted on the
 * other folds. Means are moved into the target's range as the pipeline moves a prediction it uses.
 *
 * @param mean [member][row]
 * @param std [member][row]
 * @param failed per member, whether a fit on some fold refused its rows (an {@link IllegalArgumentException}: a
 *     two-stage architecture whose fold has no zero, say); its predictions are then not filled
 */
record OutOfFold(double[][] mean, double[][] std, boolean[] failed) {

  /**
   * @param folds each row's fold, 0 to k - 1, from {@link #foldsByKey}
   * @param seed each fold's fits use a seed derived from it
   */
  static OutOfFold of(List<Architecture> members, TransferData data, Learner learner, SourceModels sources,
      int[] folds, int k, long seed) {
    ContextSet target = data.target();
    int n = target.rows();
    double[][] mean = new double[members.size()][n];
    double[][] std = new double[members.size()][n];
    boolean[] failed = new boolean[members.size()];
    for (int f = 0; f < k; f++) {
      int fold = f;
      int[] fit = IntStream.range(0, n).filter(i -> folds[i] != fold).toArray();
      int[] held = IntStream.range(0, n).filter(i -> folds[i] == fold).toArray();
      ContextSet heldSet = target.subset(held);
      TransferData fitData = new TransferData(target.subset(fit), data.sources(), data.range());
      for (int m = 0; m < members.size(); m++) {
        if (failed[m]) {
          continue;
        }
        Prediction p;
        try {
          p = members.get(m).fit(fitData, learner, sources, Seeds.derive(seed, "stacked-inner", f))
              .predict(heldSet.keys(), heldSet.x());
        } catch (IllegalArgumentException e) {
          failed[m] = true;
          continue;
        }
        ValueRange.Within used = data.range().apply(p.mean(0), p.std(0));
        for (int r = 0; r < held.length; r++) {
          mean[m][held[r]] = used.mean()[r];
          std[m][held[r]] = used.std()[r];
        }
      }
    }
    return new OutOfFold(mean, std, failed);
  }

  /** How many distinct composition keys there are: at most that many folds can be dealt. */
  static int distinctKeys(String[] keys) {
    return (int) java.util.Arrays.stream(keys).distinct().count();
  }

  /**
   * Each row's fold: the distinct keys, sorted (so that the rows' order does not matter) and shuffled with the
   * seed, dealt round-robin to k folds.
   */
  static int[] foldsByKey(String[] keys, int k, long seed) {
    List<String> distinct = new ArrayList<>(new java.util.TreeSet<>(List.of(keys)));
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = distinct.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      distinct.set(i, distinct.set(j, distinct.get(i)));
    }
    java.util.Map<String, Integer> fold = new java.util.HashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      fold.put(distinct.get(i), i % k);
    }
    return java.util.Arrays.stream(keys).mapToInt(fold::get).toArray();
  }
}
