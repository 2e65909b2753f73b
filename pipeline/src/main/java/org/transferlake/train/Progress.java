package org.transferlake.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints units done / total, units per second, the time left, and the best mean score so far per architecture,
 * every 10 s while units run (running tasks report at their executors' heartbeats, see {@link LiveScores}).
 */
final class Progress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

  private final Thread thread;
  private final long start = System.nanoTime();

  Progress(LiveScores live, int total, String metric) {
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

  @Override
  public void close() {
    thread.interrupt();
  }
}
