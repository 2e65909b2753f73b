package org.transferlake.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.transferlake.testing.TestSpark;

/** Progress counts the units of a task that is still running, and counts them once when it ends. */
class LiveScoresTest {
  private static final AtomicBoolean RELEASE = new AtomicBoolean();

  @Test
  void unitsOfARunningTaskCountBeforeItEndsAndOnceAfter() throws Exception {
    SparkContext sc = TestSpark.session().sparkContext();
    ScoreBoard board = new ScoreBoard();
    sc.register(board, "test unit scores");
    LiveScores live = new LiveScores(board);
    sc.addSparkListener(live);
    try {
      JavaFutureAction<Void> task = JavaSparkContext.fromSparkContext(sc).parallelize(List.of(1), 1)
          .foreachAsync(x -> {
            board.add(new ScoreBoard.Score("difference", "forest", 0.4));
            board.add(new ScoreBoard.Score("difference", "forest", 0.2));
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (!RELEASE.get() && System.nanoTime() < deadline) {
              Thread.sleep(20); // a task with more units to train
            }
          });
      // executors beat every 10 s (spark.executor.heartbeatInterval's default)
      assertTrue(within(60, () -> live.now().units() == 2), "the running task's 2 units seen at a heartbeat");
      assertEquals(0, board.units(), "Spark's own accumulator: nothing until the task ends");
      assertEquals(0.3, live.now().bestPerArchitecture().get("difference"), 1e-12);
      RELEASE.set(true);
      task.get();
      assertTrue(within(30, () -> board.units() == 2), "merged at the end");
      assertTrue(within(30, () -> live.now().units() == 2), "and counted once, the task's heartbeat value dropped");
      Thread.sleep(1000);
      assertEquals(2, live.now().units());
    } finally {
      sc.removeSparkListener(live);
      RELEASE.set(false);
    }
  }

  private static boolean within(int seconds, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
