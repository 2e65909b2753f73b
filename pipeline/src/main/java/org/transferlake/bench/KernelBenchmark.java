package org.transferlake.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.transferlake.composition.Composition;
import org.transferlake.composition.FormulaParser;
import org.transferlake.featurize.CompositionFeaturizer;

/**
 * Times the featurization kernel alone, formula string to features, as the Spark stage runs it: parse,
 * copy into reused arrays, featurize. Each thread runs on its own after a warm-up, so the JIT has
 * compiled the loop before the clock starts.
 */
public final class KernelBenchmark {
  /**
   * What {@code threads} threads did in the timed part.
   *
   * @param seconds wall-clock time of the slowest thread
   * @param cpuSeconds CPU time of all threads: what the rate would be with a core each to themselves
   */
  public record Result(int threads, long compositions, double seconds, double cpuSeconds) {
    /** Compositions per second of wall-clock time, per thread. */
    public double perThreadPerSecond() {
      return compositions / seconds / threads;
    }

    /** Compositions per second of CPU time: per core, whatever else the machine was running. */
    public double perCpuSecond() {
      return compositions / cpuSeconds;
    }
  }

  /** Published results cannot be optimised away, so the JIT keeps the work that computes them. */
  private static volatile double blackhole;

  private KernelBenchmark() {}

  /**
   * Runs {@code threads} threads, each cycling through {@code formulas} for {@code warmupSeconds} untimed
   * and then {@code seconds} timed.
   */
  public static Result run(CompositionFeaturizer kernel, List<String> formulas, int threads, double warmupSeconds,
      double seconds) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      List<Future<long[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * formulas.size() / threads;
        results.add(pool.submit(() -> {
          loop(kernel, formulas, offset, warmupSeconds);
          long t0 = System.nanoTime();
          long c0 = cpu.getCurrentThreadCpuTime();
          long n = loop(kernel, formulas, offset, seconds);
          return new long[] {n, System.nanoTime() - t0, cpu.getCurrentThreadCpuTime() - c0};
        }));
      }
      long compositions = 0;
      double longest = 0;
      double cpuSeconds = 0;
      for (Future<long[]> f : results) {
        long[] r = f.get();
        compositions += r[0];
        longest = Math.max(longest, r[1] / 1e9);
        cpuSeconds += r[2] / 1e9;
      }
      return new Result(threads, compositions, longest, cpuSeconds);
    } catch (Exception e) {
      throw new IllegalStateException("kernel benchmark failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Featurizes formulas round-robin for about {@code seconds}; returns how many. */
  private static long loop(CompositionFeaturizer kernel, List<String> formulas, int offset, double seconds) {
    int[] atomicNumbers = new int[118];
    double[] fractions = new double[118];
    double[] out = new double[kernel.featureCount()];
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    double sink = 0;
    int i = offset;
    while (true) {
      for (int batch = 0; batch < 1024; batch++) { // reading the clock per formula would cost more than one
        Composition c = FormulaParser.parse(formulas.get(i));
        for (int e = 0; e < c.size(); e++) {
          atomicNumbers[e] = c.atomicNumber(e);
          fractions[e] = c.fraction(e);
        }
        kernel.featurize(atomicNumbers, fractions, c.size(), out, 0);
        sink += out[3];
        i = i + 1 == formulas.size() ? 0 : i + 1;
      }
      n += 1024;
      if (System.nanoTime() >= deadline) {
        blackhole = sink;
        return n;
      }
    }
  }
}
