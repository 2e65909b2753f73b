package org.transferlake.composition;

import java.util.Arrays;
import java.util.Comparator;

/** The periodic table, Z = 1..118: symbols, atomic numbers and the alphabetical order of symbols. */
public final class Elements {
  private static final String[] SYMBOLS = {
    "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne",
    "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
    "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
    "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
    "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn",
    "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
    "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb",
    "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
    "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th",
    "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
    "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds",
    "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"
  };

  /** Slots per first letter: none, or one of the 26 lower-case second letters. */
  private static final int SECOND_LETTERS = 27;

  /** Atomic number by (first letter, second letter), so a lookup needs no substring and no hashing. */
  private static final byte[] BY_LETTERS = new byte[26 * SECOND_LETTERS];

  /** Position of each element's symbol in alphabetical order, indexed by Z. */
  private static final int[] ALPHABETICAL_RANK = new int[SYMBOLS.length + 1];

  static {
    for (int z = 1; z <= SYMBOLS.length; z++) {
      String s = SYMBOLS[z - 1];
      BY_LETTERS[slot(s.charAt(0), s.length() > 1 ? s.charAt(1) : 0)] = (byte) z;
    }
    Integer[] byName = new Integer[SYMBOLS.length];
    Arrays.setAll(byName, i -> i + 1);
    Arrays.sort(byName, Comparator.comparing(Elements::symbol));
    for (int rank = 0; rank < byName.length; rank++) {
      ALPHABETICAL_RANK[byName[rank]] = rank;
    }
  }

  private Elements() {}

  /** The number of elements, 118. */
  public static int count() {
    return SYMBOLS.length;
  }

  /** The symbol of element {@code z}, 1..118. */
  public static String symbol(int z) {
    if (z < 1 || z > SYMBOLS.length) {
      throw new IllegalArgumentException("no element with atomic number " + z);
    }
    return SYMBOLS[z - 1];
  }

  /** The atomic number of {@code symbol} (case-sensitive), or -1 when it names no element. */
  public static int atomicNumber(String symbol) {
    return atomicNumber(symbol, 0, symbol.length());
  }

  /** The atomic number of the symbol {@code text[start, end)}, or -1 when it names no element. */
  public static int atomicNumber(CharSequence text, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 2) {
      return -1;
    }
    char first = text.charAt(start);
    char second = length == 2 ? text.charAt(start + 1) : 0;
    if (first < 'A' || first > 'Z' || (length == 2 && (second < 'a' || second > 'z'))) {
      return -1;
    }
    int z = BY_LETTERS[slot(first, second)];
    return z == 0 ? -1 : z;
  }

  /** Where element {@code z} falls when symbols are sorted alphabetically (0 for Ac). */
  static int alphabeticalRank(int z) {
    return ALPHABETICAL_RANK[z];
  }

  private static int slot(char first, char second) {
    return (first - 'A') * SECOND_LETTERS + (second == 0 ? 0 : second - 'a' + 1);
  }
}
