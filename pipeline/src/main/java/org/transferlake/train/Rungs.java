package org.transferlake.train;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.train.units.RungResult;
import org.transferlake.train.units.RungUnit;
import org.transferlake.train.units.SuccessiveHalving;
import org.transferlake.train.units.UnitCost;
import org.transferlake.train.units.UnitPlan;
import org.transferlake.train.units.WorkUnit;

/**
 * Scores the rungs of successive halving for one run: a rung's units not yet in {@code ops.staged_rungs} are
 * trained in Spark tasks, in waves each appended there, and the rung's scores are then read back from it, so that a
 * resumed run promotes from what the interrupted one committed. While a rung trains, {@link Progress} logs its
 * units done, the time left and the best inner score so far per architecture every 10 s.
 */
final class Rungs implements SuccessiveHalving.Scorer {
  private static final Logger LOG = LoggerFactory.getLogger(Rungs.class);

  private final Lake lake;
  private final String runId;
  private final int partitions;
  private final int unitsPerCommit;
  private final UnitCost cost;
  private final JavaSparkContext jsc;
  private final Broadcast<Shared> shared;

  /**
   * @param partitions tasks to spread each wave's rung units over
   * @param unitsPerCommit rung units per wave, each committed to the staging table
   */
  Rungs(Lake lake, String runId, int partitions, int unitsPerCommit, UnitCost cost, JavaSparkContext jsc,
      Broadcast<Shared> shared) {
    this.lake = lake;
    this.runId = runId;
    this.partitions = partitions;
    this.unitsPerCommit = unitsPerCommit;
    this.cost = cost;
    this.jsc = jsc;
    this.shared = shared;
  }

  @Override
  public Map<String, Double> score(int rung, List<RungUnit> units) {
    Set<String> staged = new HashSet<>(scores(rung).keySet());
    Map<String, RungUnit> todo = new HashMap<>();
    units.stream().filter(u -> !staged.contains(u.candidate().id())).forEach(u -> todo.put(u.candidate().id(), u));
    LOG.info("run {}: rung {}: {} candidates, {} already staged", runId, rung, units.size(), units.size()
        - todo.size());
    // A rung gives every unit the same share of its full budget: full costs order and pack them as well.
    List<WorkUnit> candidates = todo.values().stream().map(RungUnit::candidate).toList();
    try (Progress progress = new Progress(jsc.sc(), "rung " + rung + " scores", todo.size(),
        "inner score at rung " + rung)) {
      for (List<WorkUnit> wave : UnitPlan.waves(candidates, unitsPerCommit, cost)) {
        trainWave(UnitPlan.pack(wave, partitions, Waves.tasksPerJvm(jsc.sc()), cost).stream()
            .map(bin -> bin.stream().map(u -> todo.get(u.id())).toList()).toList(), progress.board());
      }
    }
    return scores(rung);
  }

  /** Each candidate's inner score at {@code rung}, as staged for this run. */
  private Map<String, Double> scores(int rung) {
    Map<String, Double> out = new HashMap<>();
    lake.read(LakeTable.STAGED_RUNGS).where(col("run_id").equalTo(runId).and(col("rung").equalTo(rung)))
        .select("unit_id", "inner_score").collectAsList().forEach(r -> out.put(r.getString(0), r.getDouble(1)));
    return out;
  }

  /**
   * Trains the bins' rung units, one task per bin, their rows going from the tasks to the staging table and their
   * scores to {@code board}, which the progress lines read.
   */
  private void trainWave(List<List<RungUnit>> bins, ScoreBoard board) {
    String run = runId;
    Broadcast<Shared> s = shared;
    JavaRDD<Row> rows = jsc.parallelize(bins, bins.size()).flatMap(bin -> {
      Shared.Runners runners = s.value().runners();
      List<Row> out = new ArrayList<>();
      for (RungUnit unit : bin) {
        RungResult r = runners.of(unit.candidate().features()).runRung(unit);
        out.add(ResultRows.rung(run, s.value().experiment(), r));
        board.add(new ScoreBoard.Score(unit.candidate().architecture(), unit.candidate().learner() + " "
            + unit.candidate().paramsText(), r.innerScore()));
      }
      return out.iterator();
    });
    lake.append(LakeTable.STAGED_RUNGS, lake.spark().createDataFrame(rows,
        lake.read(LakeTable.STAGED_RUNGS).schema()));
  }
}
