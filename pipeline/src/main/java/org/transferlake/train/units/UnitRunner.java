package org.transferlake.train.units;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.transferlake.lake.Metric;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.registry.FinalChoice;
import org.transferlake.model.registry.FinalFit;
import org.transferlake.model.components.Components;
import org.transferlake.model.transfer.ArchitectureComponent;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.model.transfer.Seeds;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.model.transfer.TransferData;
import org.transferlake.model.transfer.TransferModel;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.data.Folds;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * Trains and scores one work unit, on the data of the unit's preset (a runner holds one preset's data and source
 * models). Only the unit's outer training rows reach the models (test targets never
 * do); the inner validation that scores hyperparameters splits those training rows again, by composition key.
 */
public final class UnitRunner {
  private final ExperimentDefinition experiment;
  private final ExperimentData data;
  private final SourceModels sources;
  private List<ContextSet> pooled;

  public UnitRunner(ExperimentDefinition experiment, ExperimentData data, SourceModels sources) {
    this.experiment = experiment;
    this.data = data;
    this.sources = sources;
  }

  public UnitResult run(WorkUnit unit) {
    int[] all = Folds.all(data.rows());
    int[] test = Folds.select(data.folds(), all, unit.fold(), true);
    int[] train = subsample(Folds.select(data.folds(), all, unit.fold(), false), unit);
    ArchitectureComponent architecture = Components.architecture(unit.architecture());
    Learner learner = Components.learner(unit.learner()).create(unit.params(), 1);
    Double inner = experiment.innerFolds() > 0 ? innerScore(architecture, learner, train, unit, 1) : null;
    long t0 = System.nanoTime();
    TransferModel model = fit(architecture, learner, train, unit.seed());
    long t1 = System.nanoTime();
    ContextSet testSet = data.targetSet(test);
    Prediction p = model.predict(testSet.keys(), testSet.x());
    long t2 = System.nanoTime();
    Map<String, Double> metrics;
    double[] mean = null;
    double[] std = null;
    double[] spread = null;
    boolean[] moved = null;
    double[][] probabilities = null;
    if (data.label().isClassification()) {
      probabilities = p.probabilities(0);
      metrics = Metrics.classification(testSet.y(), probabilities);
    } else {
      ValueRange.Within within = data.range().apply(p.mean(0), p.std(0));
      mean = within.mean();
      std = within.std();
      spread = data.range().apply(p.mean(0), p.spread(0)).std();
      moved = within.moved();
      metrics = Metrics.regression(testSet.y(), mean, std);
    }
    return new UnitResult(unit, train.length, test.length, metrics, inner, (t1 - t0) / 1e9, (t2 - t1) / 1e9, test,
        mean, std, spread, moved, probabilities, executorId());
  }

  /**
   * Scores a candidate at a rung of successive halving: its inner folds only, on the outer training rows as
   * {@link #run} splits them, with the rung's budget; the outer test rows are not touched.
   */
  public RungResult runRung(RungUnit rung) {
    WorkUnit unit = rung.candidate();
    int[] train = subsample(Folds.select(data.folds(), Folds.all(data.rows()), unit.fold(), false), unit);
    Learner learner = Components.learner(unit.learner()).create(rung.params(), 1);
    long t0 = System.nanoTime();
    double inner = innerScore(Components.architecture(unit.architecture()), learner, train, unit, rung.rowShare());
    return new RungResult(rung, train.length, inner, (System.nanoTime() - t0) / 1e9, executorId());
  }

  /** Spark's id of the executor this runs in ({@code driver} in local mode), or {@code none} outside Spark. */
  private static String executorId() {
    org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
    return env == null ? "none" : env.executorId();
  }

  /**
   * Refits a final choice on every target row and saves it as an artifact: what the registry keeps.
   *
   * @param about facts the artifact carries besides the model (experiment, run id, ...)
   */
  public FinalFit fitFinal(FinalChoice choice, Map<String, String> about) throws java.io.IOException {
    long seed = Seeds.derive(experiment.seed(), "final|" + choice.architecture() + "|" + choice.learner(), 0);
    ArchitectureComponent architecture = Components.architecture(choice.architecture());
    Learner learner = Components.learner(choice.learner()).create(choice.params(), 1);
    long t0 = System.nanoTime();
    TransferModel model = fit(architecture, learner, Folds.all(data.rows()), seed);
    double seconds = (System.nanoTime() - t0) / 1e9;
    java.util.Set<String> elements = new java.util.TreeSet<>();
    addElements(data.keys(), elements);
    if (architecture.usesSources()) {
      data.sources().forEach(s -> addElements(s.keys(), elements));
    }
    Map<String, String> facts = new java.util.TreeMap<>(about);
    facts.put("architecture", choice.architecture());
    facts.put("learner", choice.learner());
    facts.put("params", choice.paramsText());
    facts.put("features", choice.features()); // predict featurizes candidates with the preset chosen
    facts.put("target_context", data.targetContext());
    facts.put("seed", Long.toString(seed));
    for (int i = 0; i < data.sources().size(); i++) {
      facts.put("source_context." + i, data.sources().get(i).context());
    }
    byte[] artifact = new org.transferlake.model.registry.TransferArtifact(model, facts, data.featureColumns(),
        List.copyOf(elements)).toBytes();
    return new FinalFit(choice, artifact, seconds, seed, data.rows(), model.provenance(),
        List.copyOf(elements));
  }

  private static void addElements(String[] keys, java.util.Set<String> into) {
    for (String key : keys) {
      org.transferlake.composition.Composition c = org.transferlake.composition.Composition.ofKey(key);
      for (int i = 0; i < c.size(); i++) {
        into.add(c.element(i));
      }
    }
  }

  private TransferModel fit(ArchitectureComponent architecture, Learner learner, int[] rows, long seed) {
    boolean pools = architecture.sourceUse() == ArchitectureComponent.SourceUse.POOLS_ROWS;
    List<ContextSet> sourceSets = pools ? pooledSources() : data.sources();
    return architecture.create(experiment.architectureSettings())
        .fit(new TransferData(data.targetSet(rows), sourceSets, data.range()), learner, sources, seed);
  }

  /**
   * The source rows union architectures pool: all, or up to {@code union-source-rows} per source, those of the
   * target's compositions first (source values of test compositions are another context's data), then a seeded
   * sample of the rest. The same for every unit of the experiment.
   */
  private synchronized List<ContextSet> pooledSources() {
    if (pooled == null) {
      int cap = experiment.unionSourceRows();
      java.util.Set<String> targetKeys = new java.util.HashSet<>(java.util.Arrays.asList(data.keys()));
      pooled = new java.util.ArrayList<>();
      for (int i = 0; i < data.sources().size(); i++) {
        ContextSet s = data.sources().get(i);
        if (cap == 0 || s.rows() <= cap) {
          pooled.add(s);
          continue;
        }
        List<Integer> shared = new java.util.ArrayList<>();
        List<Integer> others = new java.util.ArrayList<>();
        for (int r = 0; r < s.rows(); r++) {
          (targetKeys.contains(s.keys()[r]) ? shared : others).add(r);
        }
        java.util.Collections.shuffle(others, new java.util.Random(Seeds.derive(experiment.seed(), "union-rows", i)));
        List<Integer> keep = new java.util.ArrayList<>(shared.subList(0, Math.min(cap, shared.size())));
        keep.addAll(others.subList(0, Math.max(0, Math.min(others.size(), cap - keep.size()))));
        java.util.Collections.sort(keep);
        pooled.add(s.subset(keep.stream().mapToInt(Integer::intValue).toArray()));
      }
    }
    return pooled;
  }

  /** The first {@code nTrain} of the training rows in a seeded order: smaller sizes are subsets of larger ones. */
  private static int[] subsample(int[] train, WorkUnit unit) {
    if (unit.nTrain() == 0 || unit.nTrain() >= train.length) {
      return train;
    }
    return firstOfShuffle(train, unit.nTrain(), Seeds.derive(unit.seed(), "learning-curve", unit.fold()));
  }

  /** The first {@code n} of {@code rows} in an order shuffled with {@code seed}, sorted. */
  private static int[] firstOfShuffle(int[] rows, int n, long seed) {
    int[] shuffled = rows.clone();
    SplittableRandom random = new SplittableRandom(seed);
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

  /**
   * Mean MAE (regression) or log-loss (classification) over inner folds of the training rows: lower is better.
   *
   * @param rowShare the share of each inner fit's rows fitted on (a seeded subset, the same for every candidate);
   *     the held-out rows are always whole
   */
  private double innerScore(ArchitectureComponent architecture, Learner learner, int[] train, WorkUnit unit,
      double rowShare) {
    String[] keys = new String[train.length];
    for (int i = 0; i < train.length; i++) {
      keys[i] = data.keys()[train[i]];
    }
    int k = Math.min(experiment.innerFolds(), (int) Arrays.stream(keys).distinct().count());
    int[] innerFolds = Folds.groupedByKey(keys, k, Seeds.derive(unit.seed(), "inner", unit.fold()));
    double total = 0;
    int rows = 0;
    for (int f = 0; f < k; f++) {
      final int fold = f;
      int[] fit = java.util.stream.IntStream.range(0, train.length).filter(i -> innerFolds[i] != fold)
          .map(i -> train[i]).toArray();
      int[] held = java.util.stream.IntStream.range(0, train.length).filter(i -> innerFolds[i] == fold)
          .map(i -> train[i]).toArray();
      if (rowShare < 1) {
        fit = firstOfShuffle(fit, (int) Math.ceil(rowShare * fit.length),
            Seeds.derive(unit.seed(), "rung-rows|" + unit.fold(), f));
      }
      ContextSet heldSet = data.targetSet(held);
      Prediction p = fit(architecture, learner, fit, Seeds.derive(unit.seed(), "inner-fit", f))
          .predict(heldSet.keys(), heldSet.x());
      boolean classification = data.label().isClassification();
      ValueRange.Within within = classification ? null : data.range().apply(p.mean(0), p.std(0));
      double score = (classification ? Metrics.classification(heldSet.y(), p.probabilities(0))
          : Metrics.regression(heldSet.y(), within.mean(), within.std()))
          .get(Metric.selection(classification).column());
      total += score * held.length;
      rows += held.length;
    }
    return total / rows;
  }
}
