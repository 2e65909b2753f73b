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

  /** One stage-one model: source {@code source}'s on all its rows, or on all but cross-fitting group {@code group}. */
  public record Slot(int source, int group) implements java.io.Serializable {
    public static final int FULL = -1;

    public boolean isFull() {
      return group == FULL;
    }
  }

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

  /**
   * Models are trained when first needed, with seeds derived from {@code seed}, unless installed before (a run fits
   * them side by side in Spark tasks: {@link #needed}, {@link #fit}, {@link #install}).
   */
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

  private Model fullModel(int i) {
    return model(new Slot(i, Slot.FULL));
  }

  private Model crossFitModel(int i, int g) {
    return model(new Slot(i, g));
  }

  /** The slot's model, trained now if it was not trained or installed before. */
  private synchronized Model model(Slot slot) {
    if (!has(slot)) {
      install(slot, fit(slot, learner(slot)));
    }
    return slot.isFull() ? full[slot.source()] : crossFit[slot.source()][slot.group()];
  }

  /**
   * The models an estimate for {@code keys} needs: each source's model on all rows (final models keep it) and, where
   * the source has measured some of the keys and {@code useMeasured} is false, the cross-fitted models of their
   * groups.
   */
  public List<Slot> needed(String[] keys, boolean useMeasured) {
    List<Slot> out = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      out.add(new Slot(i, Slot.FULL));
      boolean[] groups = new boolean[folds];
      for (int r = 0; !useMeasured && folds > 0 && r < keys.length; r++) {
        if (measured.get(i).containsKey(keys[r])) {
          groups[group(keys[r])] = true;
        }
      }
      for (int g = 0; g < folds; g++) {
        if (groups[g]) {
          out.add(new Slot(i, g));
        }
      }
    }
    return out;
  }

  /** Rows the slot's model trains on: the source's, less one group's for a cross-fitted model. */
  public int rows(Slot slot) {
    ContextSet s = sources.get(slot.source());
    if (slot.isFull()) {
      return s.rows();
    }
    int n = 0;
    for (String key : s.keys()) {
      n += group(key) != slot.group() ? 1 : 0;
    }
    return n;
  }

  /** The learner for the slot's rows: the local one, or the distributed one above the switch. */
  public Learner learner(Slot slot) {
    return learners.forRows(rows(slot));
  }

  /** Whether the slot's rows go to the distributed learner, which must run on the driver. */
  public boolean distributed(Slot slot) {
    return learners.isDistributed(rows(slot));
  }

  /**
   * The slot's model fitted by {@code learner} (the slot's learner, or a copy with other threads), on the same rows
   * and with the same seed as when trained here: anywhere, any number of times, it is the same model. Changes nothing.
   */
  public Model fit(Slot slot, Learner learner) {
    ContextSet s = sources.get(slot.source());
    if (slot.isFull()) {
      return learner.fit(TrainingSet.of(s.x(), s.y(), s.label()), Seeds.derive(seed, "full", slot.source()));
    }
    List<Integer> keep = new ArrayList<>();
    for (int r = 0; r < s.rows(); r++) {
      if (group(s.keys()[r]) != slot.group()) {
        keep.add(r);
      }
    }
    ContextSet without = s.subset(keep.stream().mapToInt(Integer::intValue).toArray());
    return learner.fit(TrainingSet.of(without.x(), without.y(), without.label()),
        Seeds.derive(seed, "cross-fit", slot.source() * 1000 + slot.group()));
  }

  public synchronized boolean has(Slot slot) {
    return slot.isFull() ? full[slot.source()] != null
        : crossFit[slot.source()] != null && crossFit[slot.source()][slot.group()] != null;
  }

  /** Uses {@code model}, fitted elsewhere by {@link #fit}, for the slot from now on. */
  public synchronized void install(Slot slot, Model model) {
    if (slot.isFull()) {
      full[slot.source()] = model;
      return;
    }
    if (crossFit[slot.source()] == null) {
      crossFit[slot.source()] = new Model[folds];
    }
    crossFit[slot.source()][slot.group()] = model;
  }

  /** The cross-fitting group of a composition: a function of its key and the seed only. */
  private int group(String key) {
    return (int) Math.floorMod(Seeds.derive(seed, key, 0), (long) folds);
  }
}
