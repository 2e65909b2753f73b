package org.transferlake.featurize;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.util.LongAccumulator;

/**
 * Reports a featurization's progress every few seconds (rows done, rows per second, time left) and a
 * last line when it closes. The count comes from an accumulator, which Spark merges as each task ends,
 * so it advances a partition at a time.
 */
final class FeaturizeProgress implements AutoCloseable {
  private final String preset;
  private final LongAccumulator done;
  private final Consumer<String> out;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService timer;

  private FeaturizeProgress(String preset, long total, LongAccumulator done, int intervalSeconds,
      Consumer<String> out) {
    this.preset = preset;
    this.done = done;
    this.out = out;
    this.timer = intervalSeconds <= 0 ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "featurize-progress");
      t.setDaemon(true); // never keeps a finished command alive
      return t;
    });
    if (timer != null) {
      timer.scheduleAtFixedRate(() -> out.accept(line(preset, done.value(), total, seconds())), intervalSeconds,
          intervalSeconds, TimeUnit.SECONDS);
    }
  }

  /**
   * Starts reporting to {@code out}; {@code intervalSeconds} 0 reports only the last line.
   *
   * @param total the rows the featurization will do
   */
  static FeaturizeProgress start(String preset, long total, LongAccumulator done, int intervalSeconds,
      Consumer<String> out) {
    return new FeaturizeProgress(preset, total, done, intervalSeconds, out);
  }

  /** {@code featurize magpie: 250,000 / 1,000,000 rows (25.0%), 90,000 rows/s, ETA 8 s}. */
  static String line(String preset, long done, long total, double seconds) {
    String head = String.format(Locale.ROOT, "featurize %s: %,d / %,d rows (%.1f%%)", preset, done, total,
        total == 0 ? 100.0 : 100.0 * done / total);
    if (done == 0 || seconds <= 0) {
      return head + ", starting";
    }
    double rate = done / seconds;
    return head + String.format(Locale.ROOT, ", %,.0f rows/s, ETA %.0f s", rate, (total - done) / rate);
  }

  /** Stops the reports and prints the last line: the rows done and their rate. */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    double seconds = seconds();
    out.accept(String.format(Locale.ROOT, "featurize %s: %,d rows in %.1f s (%,.0f rows/s)", preset, done.value(),
        seconds, seconds > 0 ? done.value() / seconds : 0));
  }

  private double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
