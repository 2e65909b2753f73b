package org.transferlake.model.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.TrainingSet;

/**
 * Stage-one models of the source contexts, trained once and shared by every architecture, fold and seed that
 * needs them (source models never see target values). Each source has a model on all its rows and, for
 * cross-fitting, {@code folds} models each trained without one group of composition keys: a composition the
 * source has seen gets its value from the model that did not see it, so stage two never trains on in-sample
 * predictions.
 */
public final class SourceModels implements SourceEstimator, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final List<ContextSet> sources;
  private final SourceLearners learners;
  private final int folds;
  private final long seed;
  private final List<Map<String, Double>> measured = new ArrayList<>();
  private final Model[] full;
  private final Model[][] crossFit;

  private SourceModels(List<ContextSet> sources, SourceLearners learners, int folds, long seed) {
    if (folds == 1 || folds < 0) {
      throw new IllegalArgumentException("cross-fitting folds = " + folds + ": expected 0 (none) or at least 2");
    }
    this.sources = List.copyOf(sources);
    this.learners = learners;
    this.folds = folds;
    this.seed = seed;
    for (ContextSet s : sources) {
      if (s.label().isClassification()) {
        throw new IllegalArgumentException("source " + s.context() + " is a classification context; stage-one"
            + " sources must be numeric");
      }
      measured.add(s.valueByKey());
    }
    full = new Model[sources.size()];
    crossFit = new Model[sources.size()][];
  }

  /** Models are trained when first needed, with seeds derived from {@code seed}. */
  public static SourceModels of(List<ContextSet> sources, SourceLearners learners, int folds, long seed) {
    return new SourceModels(sources, learners, folds, seed);
  }

  /** One learner for every source, whatever its size. */
  public static SourceModels of(List<ContextSet> sources, Learner learner, int folds, long seed) {
    return of(sources, SourceLearners.only(learner), folds, seed);
  }

  @Override
  public int size() {
    return sources.size();
  }

  @Override
  public String context(int i) {
    return sources.get(i).context();
  }

  public ContextSet source(int i) {
    return sources.get(i);
  }

  /**
   * The source's value for each composition: measured where the source has it and {@code useMeasured}, else
   * predicted by a model that never saw the composition.
   */
  @Override
  public Estimate estimate(int i, String[] keys, double[][] x, boolean useMeasured) {
    int n = keys.length;
    double[] mean = new double[n];
    double[] std = new double[n];
    boolean[] isMeasured = new boolean[n];
    Map<String, Double> known = measured.get(i);
    List<Integer> unseen = new ArrayList<>();
    List<List<Integer>> byGroup = new ArrayList<>();
    for (int g = 0; g < Math.max(folds, 1); g++) {
      byGroup.add(new ArrayList<>());
    }
    for (int r = 0; r < n; r++) {
      Double value = known.get(keys[r]);
      if (value != null && useMeasured) {
        mean[r] = value;
        isMeasured[r] = true;
      } else if (value != null) {
        if (folds == 0) {
          throw new IllegalStateException("source " + sources.get(i).context() + ": predicting compositions the"
              + " source has seen needs cross-fitting folds >= 2");
        }
        byGroup.get(group(keys[r])).add(r);
      } else {
        unseen.add(r);
      }
    }
    fill(fullModel(i), unseen, x, mean, std);
    for (int g = 0; g < folds; g++) {
      if (!byGroup.get(g).isEmpty()) {
        fill(crossFitModel(i, g), byGroup.get(g), x, mean, std);
      }
    }
    return new Estimate(mean, std, isMeasured);
  }

  /** Source {@code i}'s model on all its rows, trained now if not yet. */
  @Override
  public Model model(int i) {
    return fullModel(i);
  }

  /** Every source's measured values and its model on all rows (trained now if not yet), for a saved model. */
  public FrozenSources freeze() {
    List<FrozenSources.Source> out = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      out.add(new FrozenSources.Source(sources.get(i).context(), measured.get(i), fullModel(i)));
    }
    return new FrozenSources(out);
  }

  private static void fill(Model model, List<Integer> rows, double[][] x, double[] mean, double[] std) {
    if (rows.isEmpty()) {
      return;
    }
    double[][] xs = new double[rows.size()][];
    for (int k = 0; k < rows.size(); k++) {
      xs[k] = x[rows.get(k)];
    }
    Prediction p = model.predict(xs);
    double[] m = p.mean(0);
    double[] s = p.std(0);
    for (int k = 0; k < rows.size(); k++) {
      mean[rows.get(k)] = m[k];
      std[rows.get(k)] = s[k];
    }
  }

  private synchronized Model fullModel(int i) {
    if (full[i] == null) {
      ContextSet s = sources.get(i);
      full[i] = learners.forRows(s.rows()).fit(TrainingSet.of(s.x(), s.y(), s.label()), Seeds.derive(seed, "full", i));
    }
    return full[i];
  }

  private synchronized Model crossFitModel(int i, int g) {
    if (crossFit[i] == null) {
      crossFit[i] = new Model[folds];
    }
    if (crossFit[i][g] == null) {
      ContextSet s = sources.get(i);
      List<Integer> keep = new ArrayList<>();
      for (int r = 0; r < s.rows(); r++) {
        if (group(s.keys()[r]) != g) {
          keep.add(r);
        }
      }
      ContextSet without = s.subset(keep.stream().mapToInt(Integer::intValue).toArray());
      crossFit[i][g] = learners.forRows(without.rows()).fit(TrainingSet.of(without.x(), without.y(), without.label()),
          Seeds.derive(seed, "cross-fit", i * 1000 + g));
    }
    return crossFit[i][g];
  }

  /** The cross-fitting group of a composition: a function of its key and the seed only. */
  private int group(String key) {
    return (int) Math.floorMod(Seeds.derive(seed, key, 0), (long) folds);
  }
}
