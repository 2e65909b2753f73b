package org.transferlake.composition;

import java.util.Arrays;

/**
 * A chemical composition in canonical form: elements sorted alphabetically by symbol, amounts scaled
 * to the smallest integers. Two compositions are equal exactly when their {@linkplain #key() keys} are.
 */
public final class Composition {
  private final int[] atomicNumbers;
  private final long[] amounts;
  private final double[] fractions;
  /**
   * Built on first use, since most compositions are featurized without being printed; the race is
   * benign because every thread builds the same immutable string.
   */
  private String key;

  /** Takes arrays already in canonical form (sorted by symbol, amounts with no common divisor). */
  private Composition(int[] atomicNumbers, long[] amounts) {
    this.atomicNumbers = atomicNumbers;
    this.amounts = amounts;
    long total = 0;
    for (long amount : amounts) {
      total = Math.addExact(total, amount);
    }
    this.fractions = new double[amounts.length];
    for (int i = 0; i < amounts.length; i++) {
      fractions[i] = (double) amounts[i] / total;
    }
  }

  /**
   * The composition of the first {@code n} distinct elements with positive integer amounts, in any
   * order; the arrays are copied, sorted and reduced.
   *
   * @throws ArithmeticException when the amounts sum past {@code Long.MAX_VALUE}
   */
  static Composition ofAmounts(int[] atomicNumbers, long[] amounts, int n) {
    int[] z = Arrays.copyOf(atomicNumbers, n);
    long[] a = Arrays.copyOf(amounts, n);
    sortBySymbol(z, a);
    long divisor = ExactMath.gcd(a);
    for (int i = 0; i < n; i++) {
      a[i] /= divisor;
    }
    return new Composition(z, a);
  }

  /**
   * Reads a canonical key back, as {@link #key()} writes it.
   *
   * @throws FormulaException when {@code key} is not a canonical composition key
   */
  public static Composition ofKey(String key) {
    KeyParser.Parts parts = KeyParser.parse(key);
    try {
      return new Composition(parts.atomicNumbers(), parts.amounts());
    } catch (ArithmeticException e) {
      throw new FormulaException("amount too large", -1);
    }
  }

  /**
   * The canonical key: symbols in alphabetical order, each followed by its integer amount unless that
   * is 1, e.g. {@code Cd3Hg7Te10}.
   */
  public String key() {
    String k = key;
    if (k == null) {
      StringBuilder b = new StringBuilder(4 * atomicNumbers.length);
      for (int i = 0; i < atomicNumbers.length; i++) {
        b.append(Elements.symbol(atomicNumbers[i]));
        if (amounts[i] != 1) {
          b.append(amounts[i]);
        }
      }
      k = b.toString();
      key = k;
    }
    return k;
  }

  /** The number of distinct elements. */
  public int size() {
    return atomicNumbers.length;
  }

  /** The symbol of the {@code i}-th element in alphabetical order. */
  public String element(int i) {
    return Elements.symbol(atomicNumbers[i]);
  }

  /** The atomic number of the {@code i}-th element. */
  public int atomicNumber(int i) {
    return atomicNumbers[i];
  }

  /** The reduced integer amount of the {@code i}-th element. */
  public long amount(int i) {
    return amounts[i];
  }

  /** The atomic fraction of the {@code i}-th element; the fractions sum to 1. */
  public double fraction(int i) {
    return fractions[i];
  }

  /** A copy of the atomic numbers, in the elements' order. */
  public int[] atomicNumbers() {
    return atomicNumbers.clone();
  }

  /** A copy of the atomic fractions, in the elements' order. */
  public double[] fractions() {
    return fractions.clone();
  }

  /** Equal keys; compared through the arrays the key is written from, which is the same and faster. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Composition other
        && Arrays.equals(atomicNumbers, other.atomicNumbers)
        && Arrays.equals(amounts, other.amounts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(atomicNumbers) + Arrays.hashCode(amounts);
  }

  @Override
  public String toString() {
    return key();
  }

  /** Insertion sort: compositions hold a handful of elements, and at most 118. */
  private static void sortBySymbol(int[] z, long[] a) {
    for (int i = 1; i < z.length; i++) {
      int zi = z[i];
      long ai = a[i];
      int rank = Elements.alphabeticalRank(zi);
      int j = i - 1;
      while (j >= 0 && Elements.alphabeticalRank(z[j]) > rank) {
        z[j + 1] = z[j];
        a[j + 1] = a[j];
        j--;
      }
      z[j + 1] = zi;
      a[j + 1] = ai;
    }
  }
}
