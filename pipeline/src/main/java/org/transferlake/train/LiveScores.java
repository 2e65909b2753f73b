package org.transferlake.train;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The scores of a run so far, including units of tasks still running. Spark merges an accumulator into the driver's
 * copy only when a task ends, and a task trains many units (an hour of a long wave on 2 cores); but every executor
 * heartbeat carries the running tasks' accumulator values to the driver's listeners. This listener keeps the latest
 * of those per running task and forgets it when the task ends, when the driver's copy takes its final value.
 */
final class LiveScores extends SparkListener {
  private final ScoreBoard board;
  private final Map<Long, Map<String, double[]>> running = new ConcurrentHashMap<>();
  private final Set<Long> ended = ConcurrentHashMap.newKeySet(); // a heartbeat can arrive after its task's end

  public LiveScores(ScoreBoard board) {
    this.board = board;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (Tuple4<Object, Object, Object, Seq<AccumulableInfo>> task : CollectionConverters.asJava(
        update.accumUpdates())) {
      for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
        if (info.id() == board.id() && info.update().isDefined()) {
          @SuppressWarnings("unchecked")
          Map<String, double[]> sums = (Map<String, double[]>) info.update().get();
          Long taskId = (Long) task._1();
          if (!ended.contains(taskId)) {
            running.put(taskId, sums);
          }
        }
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    ended.add(end.taskInfo().taskId());
    running.remove(end.taskInfo().taskId());
  }

  /** Ended tasks' scores (the driver's accumulator) with running tasks' scores at their last heartbeat. */
  public ScoreBoard now() {
    ScoreBoard now = board.copy();
    running.values().forEach(now::add);
    return now;
  }
}
