package org.transferlake.composition;

/** Integer helpers for exact amounts; every overflow throws {@link ArithmeticException}. */
final class ExactMath {
  private ExactMath() {}

  /** The greatest common divisor of two non-negative numbers (gcd(0, b) = b). */
  static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  /** The greatest common divisor of positive numbers. */
  static long gcd(long[] values) {
    long divisor = 0;
    for (long v : values) {
      divisor = gcd(v, divisor);
    }
    return divisor;
  }

  /** The least common multiple of two positive numbers. */
  static long lcm(long a, long b) {
    return Math.multiplyExact(a / gcd(a, b), b);
  }
}
