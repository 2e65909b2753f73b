package org.transferlake.bench;

import java.util.Locale;

/** How the benchmarks measure and print: seconds since a start, bytes in MiB. */
final class Measures {
  private Measures() {}

  static double since(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
  }
}
