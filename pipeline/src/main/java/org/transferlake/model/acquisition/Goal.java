package org.transferlake.model.acquisition;

import java.util.Locale;

/**
 * What a campaign looks for in a regression target's value: one inside a window ({@code window:LO,HI}, both ends
 * included, in the unit the predictions are given in), the largest ({@code max}) or the smallest ({@code min}).
 *
 * @param low the window's lower end; NaN for max and min
 * @param high the window's upper end; NaN for max and min
 */
public record Goal(Kind kind, double low, double high) implements java.io.Serializable {
  /** The three kinds of goal. */
  public enum Kind { WINDOW, MAX, MIN }

  private static final String FORMS = "window:LO,HI (LO below HI, e.g. window:1.1,1.7), max or min";

  public Goal {
    if (kind == null) {
      throw new IllegalArgumentException("goal: no kind; expected " + FORMS);
    }
    if (kind == Kind.WINDOW && !(low < high)) {
      throw new IllegalArgumentException("goal window:" + number(low) + "," + number(high)
          + ": LO must be below HI");
    }
    if (kind != Kind.WINDOW && !(Double.isNaN(low) && Double.isNaN(high))) {
      throw new IllegalArgumentException("goal " + kind.name().toLowerCase(Locale.ROOT) + ": takes no window");
    }
  }

  /** A value in [low, high]. */
  public static Goal window(double low, double high) {
    return new Goal(Kind.WINDOW, low, high);
  }

  /** The largest value. */
  public static Goal max() {
    return new Goal(Kind.MAX, Double.NaN, Double.NaN);
  }

  /** The smallest value. */
  public static Goal min() {
    return new Goal(Kind.MIN, Double.NaN, Double.NaN);
  }

  /**
   * A goal as written: {@code window:LO,HI}, {@code max} or {@code min} (case and spaces around the parts ignored).
   * An open-ended window may use {@code Infinity} or {@code -Infinity} as one end.
   *
   * @throws IllegalArgumentException naming the text and the forms accepted
   */
  public static Goal parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("max")) {
      return max();
    }
    if (t.equals("min")) {
      return min();
    }
    if (!t.startsWith("window:")) {
      throw new IllegalArgumentException("goal '" + text + "': expected " + FORMS);
    }
    String[] ends = t.substring("window:".length()).split(",", -1);
    if (ends.length != 2) {
      throw new IllegalArgumentException("goal '" + text + "': a window has two ends, LO,HI (e.g. window:1.1,1.7)");
    }
    double low = end(text, ends[0]);
    double high = end(text, ends[1]);
    if (!(low < high)) {
      throw new IllegalArgumentException("goal '" + text + "': LO " + ends[0].strip() + " must be below HI "
          + ends[1].strip());
    }
    return window(low, high);
  }

  private static double end(String text, String end) {
    try {
      double v = Double.parseDouble(end.strip().replace("infinity", "Infinity"));
      if (Double.isNaN(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("goal '" + text + "': '" + end.strip() + "' is not a number (expected "
          + FORMS + ")");
    }
  }

  /**
   * The best of the values measured so far for a max or min goal (the largest, the smallest); NaN when none is
   * given or the goal is a window, which has no best value.
   */
  public double best(double[] measured) {
    double best = Double.NaN;
    if (kind == Kind.WINDOW) {
      return best;
    }
    for (double v : measured) {
      if (!Double.isNaN(v) && (Double.isNaN(best) || (kind == Kind.MAX ? v > best : v < best))) {
        best = v;
      }
    }
    return best;
  }

  /**
   * The value improvement is measured from (EI, PI): the best measured value; when nothing is measured, the best
   * predicted mean among the candidates (the model's own incumbent, so that EI then rewards σ and the mean alike);
   * NaN when there is neither, or for a window.
   */
  public double incumbent(double[] measured, double[] predictedMeans) {
    double best = best(measured);
    return Double.isNaN(best) ? best(predictedMeans) : best;
  }

  /** The goal as {@link #parse} reads it. */
  @Override
  public String toString() {
    return kind == Kind.WINDOW ? "window:" + number(low) + "," + number(high) : kind.name().toLowerCase(Locale.ROOT);
  }

  private static String number(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : Double.toString(v);
  }
}
