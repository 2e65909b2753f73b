package org.transferlake.model.learn;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One hyperparameter of a learner, declared once (as MLlib's {@code Param}s are): its name in experiment files and
 * in the {@code params} column, a one-line meaning, its default, how its text is read, which values are allowed
 * and how a value is written back as text.
 *
 * @param expected the allowed values in words, for errors ("a fraction in (0, 1]")
 */
public record Param<T>(String name, String doc, T fallback, Function<String, T> parser, Predicate<T> allowed,
    String expected, Function<T, String> writer) {

  /** A hyperparameter refused: {@link #param} names it, {@link #reason} says why ("1.5: expected ..."). */
  public static final class Invalid extends IllegalArgumentException {
    private final String param;
    private final String reason;

    /** @param message the whole message, for where no key path names the param */
    public Invalid(String param, String reason, String message) {
      super(message);
      this.param = param;
      this.reason = reason;
    }

    public String param() {
      return param;
    }

    public String reason() {
      return reason;
    }
  }

  public static Param<Integer> wholeNumber(String name, String doc, int fallback, Predicate<Integer> allowed,
      String expected) {
    return new Param<>(name, doc, fallback, text -> Integer.parseInt(text.trim()), allowed, expected,
        v -> Integer.toString(v));
  }

  public static Param<Double> number(String name, String doc, double fallback, Predicate<Double> allowed,
      String expected) {
    return new Param<>(name, doc, fallback, text -> Double.parseDouble(text.trim()), allowed, expected,
        v -> Double.toString(v));
  }

  public static Param<Boolean> flag(String name, String doc, boolean fallback) {
    return new Param<>(name, doc, fallback, Param::bool, v -> true, "true or false", v -> Boolean.toString(v));
  }

  /** Layer widths written {@code 64x32} (or with commas, spaces or brackets: {@code [64, 32]}). */
  public static Param<List<Integer>> widths(String name, String doc, List<Integer> fallback,
      Predicate<List<Integer>> allowed, String expected) {
    return new Param<>(name, doc, List.copyOf(fallback), text -> Arrays.stream(
        text.replaceAll("[\\[\\]]", "").trim().split("[x,\\s]+")).map(Integer::parseInt).toList(), allowed,
        expected, List::toString);
  }

  /** The value {@code text} stands for. @throws Invalid when it is not one the param allows */
  public T read(String text) {
    T value;
    try {
      value = parser.apply(text);
    } catch (IllegalArgumentException e) { // NumberFormatException included
      throw invalid(text);
    }
    if (!allowed.test(value)) {
      throw invalid(text); // as written, not as parsed
    }
    return value;
  }

  /** {@code value}, when the param allows it. @throws Invalid otherwise */
  public T check(T value) {
    if (value == null || !allowed.test(value)) {
      throw invalid(String.valueOf(value));
    }
    return value;
  }

  /** The value as the params column writes it. */
  public String write(T value) {
    return writer.apply(value);
  }

  private Invalid invalid(String value) {
    return new Invalid(name, value + ": expected " + expected, name + " = " + value + ": expected " + expected);
  }

  private static boolean bool(String text) {
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException(text);
    }
    return Boolean.parseBoolean(text);
  }
}
