package org.transferlake.train.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.transferlake.composition.Composition;
import org.transferlake.model.acquisition.AcquisitionFunction;
import org.transferlake.model.acquisition.Batch;
import org.transferlake.model.acquisition.Candidate;
import org.transferlake.model.acquisition.Goal;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.transfer.Seeds;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.CampaignSpec;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * Simulates one unit's campaign on the experiment's target rows. Every row is a candidate whose value stays
 * hidden until measured: a round fits the arm on the measured rows only (initial rows and those revealed), scores
 * every candidate with the acquisition function, takes the next batch with {@link Batch} (one composition per
 * chemical system by default), and reveals it. Random measures in a seeded order instead. The candidates' hidden
 * values are read for two things only, neither of which steers a choice: hits among the revealed, and the MAE on
 * the unmeasured. Deterministic: a unit gives the same rounds wherever and however often it runs.
 */
public final class CampaignRunner {
  private final ExperimentDefinition experiment;
  private final ExperimentData data;
  private final SourceModels sources;
  private final CampaignSpec spec;
  private final String[] groups;

  /**
   * @param sources stage-one models of the experiment's sources, fitted on source rows only (the training path's)
   */
  public CampaignRunner(ExperimentDefinition experiment, ExperimentData data, SourceModels sources) {
    if (experiment.campaign() == null) {
      throw new IllegalArgumentException("experiment " + experiment.name() + " has no campaign block");
    }
    if (data.label().isClassification()) {
      throw new IllegalArgumentException("experiment " + experiment.name() + ": campaigns take regression targets"
          + " only; " + data.targetContext() + " is a label");
    }
    this.experiment = experiment;
    this.data = data;
    this.sources = sources;
    this.spec = experiment.campaign();
    this.groups = new String[data.rows()];
    for (int r = 0; r < groups.length; r++) {
      groups[r] = chemicalSystem(data.keys()[r]);
    }
  }

  public CampaignResult run(CampaignUnit unit) {
    Pool pool = new Pool(data.keys());
    List<Round> rounds = new ArrayList<>();
    List<Integer> initial = pool.next(order(CampaignPlan.initialSeed(experiment, unit.repeat())),
        spec.initialRows());
    initial.forEach(pool::measure);
    rounds.add(round(0, 0, 0, pool, null, initial, 0));
    ArmModel model = unit.arm().random() ? null : new ArmModel(experiment, data, sources, unit.arm());
    int[] randomOrder = unit.arm().random() ? order(unit.seed()) : null;
    int spent = 0;
    int hits = 0;
    for (int r = 1; spent < spec.budget(); r++) {
      int size = Math.min(spec.batch(), spec.budget() - spent);
      long t0 = System.nanoTime();
      Double mae = null;
      List<Integer> chosen;
      if (model == null) {
        chosen = pool.next(randomOrder, size);
      } else {
        int[] candidates = pool.candidates();
        if (candidates.length == 0) {
          break;
        }
        ValueRange.Within p = model.predict(pool.measured(), candidates, Seeds.derive(unit.seed(), "round", r));
        mae = mae(p.mean(), candidates);
        chosen = choose(unit.arm(), p, candidates, pool, size);
      }
      if (chosen.isEmpty()) {
        break; // nothing left to measure
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      for (int row : chosen) {
        pool.measure(row);
        spent++;
        hits += spec.hit(data.y()[row]) ? 1 : 0;
      }
      rounds.add(round(r, spent, hits, pool, mae, chosen, model == null ? 0 : seconds));
    }
    return new CampaignResult(unit, rounds, executorId());
  }

  /**
   * The batch by the arm's acquisition value; best (for improvement) is the best measured value, or where none the
   * best predicted mean (Goal.incumbent).
   */
  private List<Integer> choose(CampaignSpec.Arm arm, ValueRange.Within p, int[] candidates, Pool pool, int size) {
    double best = spec.goal().incumbent(measuredValues(pool), p.mean());
    double[] values = AcquisitionFunction.of(arm.acquisition(), spec.goal(), best).values(p.mean(), p.std());
    List<Candidate> list = new ArrayList<>(candidates.length);
    for (int i = 0; i < candidates.length; i++) {
      list.add(new Candidate(data.keys()[candidates[i]], groups[candidates[i]], values[i]));
    }
    List<Integer> out = new ArrayList<>();
    Batch.select(list, size, spec.perGroup()).chosen().forEach(i -> out.add(candidates[i]));
    return out;
  }

  private double[] measuredValues(Pool pool) {
    int[] rows = pool.measured();
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = data.y()[rows[i]];
    }
    return out;
  }

  private Round round(int r, int measured, int hits, Pool pool, Double mae, List<Integer> rows, double seconds) {
    List<String> keys = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int row : rows) {
      keys.add(data.keys()[row]);
      values.add(data.y()[row]);
    }
    double best = spec.goal().kind() == Goal.Kind.WINDOW ? Double.NaN : spec.goal().best(measuredValues(pool));
    return new Round(r, measured, hits, best, mae, keys, values, seconds);
  }

  private double mae(double[] mean, int[] candidates) {
    double sum = 0;
    for (int i = 0; i < candidates.length; i++) {
      sum += Math.abs(mean[i] - data.y()[candidates[i]]);
    }
    return sum / candidates.length;
  }

  /** All rows in a seeded order (Fisher–Yates). */
  private int[] order(long seed) {
    int[] rows = new int[data.rows()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = rows.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = rows[i];
      rows[i] = rows[j];
      rows[j] = swap;
    }
    return rows;
  }

  /** The chemical system of a composition: its elements, sorted, joined by '-'. */
  static String chemicalSystem(String key) {
    Composition c = Composition.ofKey(key);
    TreeSet<String> elements = new TreeSet<>();
    for (int i = 0; i < c.size(); i++) {
      elements.add(c.element(i));
    }
    return String.join("-", elements);
  }

  /** Spark's id of the executor this runs in ({@code driver} in local mode), or {@code none} outside Spark. */
  private static String executorId() {
    org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
    return env == null ? "none" : env.executorId();
  }
}
