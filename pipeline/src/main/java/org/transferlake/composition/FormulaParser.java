package org.transferlake.composition;

import java.util.Arrays;

/**
 * Reads a chemical formula into a {@link Composition}, exactly: every amount is a rational number kept
 * in {@code long}s, never a double.
 *
 * <p>Grammar (whitespace may stand between any two tokens):
 *
 * <pre>
 * formula := adduct (join adduct)*          join := '·' | '•' | '*'
 * adduct  := amount? part+                  a leading amount multiplies the whole adduct
 * part    := element amount? | open part+ close amount?     brackets () [] {} nest, matched by kind
 * element := an upper-case letter and its lower-case letters, a symbol of Z = 1..118 (case-sensitive)
 * amount  := digits ('.' digits)? | '.' digits               read exactly; '.' is always a decimal point
 * </pre>
 *
 * The same element written several times is summed, so {@code CuSO4.5H2O} is Cu1 S1 O5.5 H2 (as pymatgen
 * reads it) while {@code CuSO4·5H2O} is CuSO4 plus five H2O. Amounts of 0, signs and charges are refused.
 * One left-to-right pass with an explicit bracket stack: no recursion, no regular expressions.
 */
public final class FormulaParser {
  /** Far deeper than any real formula; bounds the work a hostile string can cause. */
  static final int MAX_DEPTH = 64;

  private static final String OVERFLOW = "amount too large or too precise";
  /** Longest piece of the input quoted in a message, so that messages stay one short line. */
  private static final int MAX_QUOTED = 12;

  private final String text;
  private final int length;
  private int pos;
  /** Where the amount being read or applied starts, blamed when exact arithmetic overflows. */
  private int amountAt = -1;

  /** The last amount read, as a reduced fraction. */
  private long amountNum;
  private long amountDen;

  /** One entry per element as written, with the amount brackets and adducts have multiplied so far. */
  private int[] termZ = new int[8];
  private long[] termNum = new long[8];
  private long[] termDen = new long[8];
  private int terms;

  /** Open brackets: the first term inside each, where it was opened and the closer it expects. */
  private final int[] groupFirstTerm = new int[MAX_DEPTH];
  private final int[] groupAt = new int[MAX_DEPTH];
  private final char[] groupCloser = new char[MAX_DEPTH];
  private int depth;

  private FormulaParser(String text) {
    this.text = text;
    this.length = text.length();
  }

  /**
   * The composition {@code formula} describes.
   *
   * @throws FormulaException saying why and where, when {@code formula} is null, empty or malformed
   */
  public static Composition parse(String formula) {
    if (formula == null) {
      throw new FormulaException("no formula (null)", -1);
    }
    return new FormulaParser(formula).formula();
  }

  private Composition formula() {
    skipWhitespace();
    if (pos == length) {
      throw new FormulaException("empty formula", -1);
    }
    try {
      adduct();
      while (pos < length) {
        pos++; // adduct() stops only at a join or at the end
        adduct();
      }
      amountAt = -1;
      return sumTerms();
    } catch (ArithmeticException e) {
      throw new FormulaException(OVERFLOW, amountAt);
    }
  }

  /** Reads one adduct, up to a join or the end, and applies its leading amount to its terms. */
  private void adduct() {
    int firstTerm = terms;
    skipWhitespace();
    int multiplierAt = pos;
    boolean multiplied = readAmount();
    long multiplierNum = amountNum;
    long multiplierDen = amountDen;
    if (multiplied && multiplierNum == 0) {
      throw zeroAmount("adduct", multiplierAt);
    }
    while (true) {
      skipWhitespace();
      if (pos == length) {
        break;
      }
      char c = text.charAt(pos);
      if (c >= 'A' && c <= 'Z') {
        element();
      } else if (c == '(' || c == '[' || c == '{') {
        open(c);
      } else if (c == ')' || c == ']' || c == '}') {
        close(c);
      } else if (c == '·' || c == '•' || c == '*') {
        break;
      } else {
        throw new FormulaException("unexpected character '" + c + "'", pos);
      }
    }
    if (depth > 0) {
      throw new FormulaException("unbalanced parenthesis", groupAt[depth - 1]);
    }
    if (terms == firstTerm) {
      throw new FormulaException("expected an element", pos);
    }
    if (multiplied) {
      amountAt = multiplierAt;
      multiplyTerms(firstTerm, multiplierNum, multiplierDen);
    }
  }

  private void element() {
    int start = pos++;
    while (pos < length && text.charAt(pos) >= 'a' && text.charAt(pos) <= 'z') {
      pos++;
    }
    int z = Elements.atomicNumber(text, start, pos);
    if (z < 0) {
      throw new FormulaException("unknown element '" + quote(start, pos) + "'", start);
    }
    skipWhitespace();
    int at = pos;
    if (readAmount() && amountNum == 0) {
      throw zeroAmount("'" + Elements.symbol(z) + "'", at);
    }
    addTerm(z, amountNum, amountDen);
  }

  private void open(char opener) {
    if (depth == MAX_DEPTH) {
      throw new FormulaException("brackets nested deeper than " + MAX_DEPTH, pos);
    }
    groupFirstTerm[depth] = terms;
    groupAt[depth] = pos;
    groupCloser[depth] = opener == '(' ? ')' : opener == '[' ? ']' : '}';
    depth++;
    pos++;
  }

  private void close(char closer) {
    if (depth == 0) {
      throw new FormulaException("unbalanced parenthesis", pos);
    }
    depth--;
    if (groupCloser[depth] != closer) {
      char opener = text.charAt(groupAt[depth]);
      throw new FormulaException("mismatched bracket '" + closer + "' for '" + opener + "'", pos);
    }
    int firstTerm = groupFirstTerm[depth];
    if (terms == firstTerm) {
      throw new FormulaException("empty brackets", groupAt[depth]);
    }
    pos++;
    skipWhitespace();
    int at = pos;
    if (readAmount()) {
      if (amountNum == 0) {
        throw zeroAmount("group", at);
      }
      multiplyTerms(firstTerm, amountNum, amountDen);
    }
  }

  /**
   * Reads an amount if one starts here, into {@code amountNum / amountDen} reduced; otherwise sets the
   * amount to 1 and returns false. Trailing zeros after the point cost no precision.
   */
  private boolean readAmount() {
    amountNum = 1;
    amountDen = 1;
    if (pos == length || !(isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      return false;
    }
    amountAt = pos;
    long num = 0;
    long den = 1;
    while (pos < length && isDigit(text.charAt(pos))) {
      num = Math.addExact(Math.multiplyExact(num, 10), text.charAt(pos++) - '0');
    }
    if (pos < length && text.charAt(pos) == '.') {
      pos++;
      if (pos == length || !isDigit(text.charAt(pos))) {
        throw new FormulaException("expected a digit after the decimal point", pos);
      }
      int pendingZeros = 0;
      while (pos < length && isDigit(text.charAt(pos))) {
        int digit = text.charAt(pos++) - '0';
        if (digit == 0) {
          pendingZeros++;
          continue;
        }
        for (; pendingZeros > 0; pendingZeros--) {
          num = Math.multiplyExact(num, 10);
          den = Math.multiplyExact(den, 10);
        }
        num = Math.addExact(Math.multiplyExact(num, 10), digit);
        den = Math.multiplyExact(den, 10);
      }
    }
    long divisor = ExactMath.gcd(num, den);
    amountNum = num / divisor;
    amountDen = den / divisor;
    return true;
  }

  private void addTerm(int z, long num, long den) {
    if (terms == termZ.length) {
      int capacity = 2 * terms;
      termZ = Arrays.copyOf(termZ, capacity);
      termNum = Arrays.copyOf(termNum, capacity);
      termDen = Arrays.copyOf(termDen, capacity);
    }
    termZ[terms] = z;
    termNum[terms] = num;
    termDen[terms] = den;
    terms++;
  }

  /** Multiplies the terms from {@code firstTerm} on by {@code num / den}, keeping them reduced. */
  private void multiplyTerms(int firstTerm, long num, long den) {
    for (int i = firstTerm; i < terms; i++) {
      long a = ExactMath.gcd(termNum[i], den);
      long b = ExactMath.gcd(num, termDen[i]);
      termNum[i] = Math.multiplyExact(termNum[i] / a, num / b);
      termDen[i] = Math.multiplyExact(termDen[i] / b, den / a);
    }
  }

  /**
   * Sums the terms of each element and scales the sums to integers. Reuses the term arrays: the first
   * {@code distinct} entries become the per-element sums.
   */
  private Composition sumTerms() {
    int distinct = 0;
    for (int i = 0; i < terms; i++) {
      int j = 0;
      while (j < distinct && termZ[j] != termZ[i]) {
        j++;
      }
      if (j == distinct) {
        termZ[distinct] = termZ[i];
        termNum[distinct] = termNum[i];
        termDen[distinct] = termDen[i];
        distinct++;
      } else {
        addToTerm(j, termNum[i], termDen[i]);
      }
    }
    long commonDen = 1;
    for (int j = 0; j < distinct; j++) {
      commonDen = ExactMath.lcm(commonDen, termDen[j]);
    }
    for (int j = 0; j < distinct; j++) {
      termNum[j] = Math.multiplyExact(termNum[j], commonDen / termDen[j]);
    }
    return Composition.ofAmounts(termZ, termNum, distinct);
  }

  private void addToTerm(int j, long num, long den) {
    long sumNum;
    long sumDen;
    if (termDen[j] == den) {
      sumNum = Math.addExact(termNum[j], num);
      sumDen = den;
    } else {
      long g = ExactMath.gcd(termDen[j], den);
      sumNum = Math.addExact(Math.multiplyExact(termNum[j], den / g), Math.multiplyExact(num, termDen[j] / g));
      sumDen = Math.multiplyExact(termDen[j], den / g);
    }
    long divisor = ExactMath.gcd(sumNum, sumDen);
    termNum[j] = sumNum / divisor;
    termDen[j] = sumDen / divisor;
  }

  private void skipWhitespace() {
    while (pos < length && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private String quote(int start, int end) {
    return end - start <= MAX_QUOTED ? text.substring(start, end) : text.substring(start, start + MAX_QUOTED) + "…";
  }

  private static FormulaException zeroAmount(String what, int at) {
    return new FormulaException("amount 0 for " + what, at);
  }
}
