package org.transferlake.composition;

/**
 * Reads a composition key back. Only the canonical spelling is accepted (symbols in strictly
 * alphabetical order, amount 1 never written, no leading zeros, no common divisor), so that a key read
 * from the lake is known to be one: anything else is a bug upstream, not a formula to interpret.
 */
final class KeyParser {
  /** The elements of a canonical key and their amounts, in the key's order. */
  record Parts(int[] atomicNumbers, long[] amounts) {}

  private KeyParser() {}

  static Parts parse(String key) {
    if (key.isEmpty()) {
      throw new FormulaException("empty composition key", -1);
    }
    int n = 0;
    for (int i = 0; i < key.length(); i++) {
      n += isUpper(key.charAt(i)) ? 1 : 0;
    }
    int[] atomicNumbers = new int[n];
    long[] amounts = new long[n];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      if (!isUpper(key.charAt(pos))) {
        throw notCanonical(pos);
      }
      int start = pos++;
      while (pos < key.length() && key.charAt(pos) >= 'a' && key.charAt(pos) <= 'z') {
        pos++;
      }
      int z = Elements.atomicNumber(key, start, pos);
      if (z < 0) {
        throw new FormulaException("unknown element '" + key.substring(start, pos) + "'", start);
      }
      if (i > 0 && Elements.alphabeticalRank(z) <= Elements.alphabeticalRank(atomicNumbers[i - 1])) {
        throw notCanonical(start);
      }
      atomicNumbers[i] = z;
      int digitsStart = pos;
      long amount = 0;
      while (pos < key.length() && isDigit(key.charAt(pos))) {
        if (amount == 0 && key.charAt(pos) == '0') {
          throw notCanonical(pos);
        }
        try {
          amount = Math.addExact(Math.multiplyExact(amount, 10), key.charAt(pos) - '0');
        } catch (ArithmeticException e) {
          throw new FormulaException("amount too large", digitsStart);
        }
        pos++;
      }
      if (amount == 1) {
        throw notCanonical(digitsStart);
      }
      amounts[i] = pos == digitsStart ? 1 : amount;
    }
    if (pos < key.length()) {
      throw notCanonical(pos);
    }
    if (ExactMath.gcd(amounts) != 1) {
      throw notCanonical(-1);
    }
    return new Parts(atomicNumbers, amounts);
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static FormulaException notCanonical(int position) {
    return new FormulaException("not a canonical composition key", position);
  }
}
