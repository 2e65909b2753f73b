package org.transferlake.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints units done / total, units per second, the time left, and the best mean score so far per architecture,
 * every 10 s while units run: the tasks add each unit's score to {@link #board}, and running tasks report at their
 * executors' heartbeats ({@link LiveScores}). Closing it stops the lines and the listener.
 */
final class Progress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

  private final Thread thread;
  private final long start = System.nanoTime();
  private final org.apache.spark.SparkContext sc;
  private final ScoreBoard board = new ScoreBoard();
  private final LiveScores live = new LiveScores(board);

  /**
   * Registers the scores' accumulator as {@code name} and starts the lines.
   *
   * @param metric what the scores are, in the lines ("MAE")
   */
  Progress(org.apache.spark.SparkContext sc, String name, int total, String metric) {
    this.sc = sc;
    sc.register(board, name);
    sc.addSparkListener(live);
    thread = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(10_000);
          ScoreBoard board = live.now();
          long n = Math.min(total, board.units()); // a task's last heartbeat and its end can overlap for a moment
          double rate = n / ((System.nanoTime() - start) / 1e9);
          StringBuilder best = new StringBuilder();
          board.bestPerArchitecture().forEach((a, v) -> best.append(String.format("  %s %.4f", a, v)));
          LOG.info("units {}/{}  {} units/s  ETA {}  best {} so far:{}", n, total, String.format("%.2f", rate),
              rate > 0 ? String.format("%.0fs", (total - n) / rate) : "?", metric, best);
        }
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }, "train-progress");
    thread.setDaemon(true);
    thread.start();
  }

  void finish() {
    thread.interrupt();
    LOG.info("all units done in {}s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
  }

  /** Where the tasks add their units' scores. */
  ScoreBoard board() {
    return board;
  }

  @Override
  public void close() {
    thread.interrupt();
    sc.removeSparkListener(live);
  }
}
