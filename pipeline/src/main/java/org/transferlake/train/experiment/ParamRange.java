package org.transferlake.train.experiment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A hyperparameter drawn from a range rather than a list, as random and halving search sample it: written
 * {@code { uniform = [0.2, 1.0] }}, {@code { log-uniform = [0.0003, 0.01] }} (uniform in the logarithm) or
 * {@code { int-uniform = [1, 5] }} (every whole number from low to high alike). Drawn values are written with
 * {@value #DIGITS} significant digits, so that the same seed gives the same unit ids on every machine.
 */
public record ParamRange(Scale scale, double low, double high) implements Serializable {
  /** Significant digits of a drawn decimal. */
  public static final int DIGITS = 4;

  /** How values spread between low and high. */
  public enum Scale {
    UNIFORM("uniform"), LOG_UNIFORM("log-uniform"), INT_UNIFORM("int-uniform");

    private final String key;

    Scale(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public ParamRange {
    if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("[" + low + ", " + high + "]: expected two finite numbers, low < high");
    }
    if (scale == Scale.LOG_UNIFORM && low <= 0) {
      throw new IllegalArgumentException("[" + low + ", " + high + "]: a log-uniform range needs low > 0");
    }
    if (scale == Scale.INT_UNIFORM && (low != Math.rint(low) || high != Math.rint(high))) {
      throw new IllegalArgumentException("[" + low + ", " + high + "]: an int-uniform range needs whole numbers");
    }
  }

  /**
   * The range an experiment file writes as {@code { <scale> = [low, high] }}.
   *
   * @throws IllegalArgumentException saying what is wrong and how it is written
   */
  public static ParamRange parse(Map<String, ?> written) {
    String usage = "expected a list of values or one range: { uniform = [0.2, 1.0] }, { log-uniform = [0.0003, 0.01] }"
        + " or { int-uniform = [1, 5] }";
    if (written.size() != 1) {
      throw new IllegalArgumentException(usage);
    }
    Map.Entry<String, ?> e = written.entrySet().iterator().next();
    Scale scale = null;
    for (Scale s : Scale.values()) {
      scale = s.key().equals(e.getKey()) ? s : scale;
    }
    if (scale == null) {
      throw new IllegalArgumentException(e.getKey() + ": unknown range; " + usage);
    }
    if (!(e.getValue() instanceof List<?> bounds) || bounds.size() != 2
        || !(bounds.get(0) instanceof Number low) || !(bounds.get(1) instanceof Number high)) {
      throw new IllegalArgumentException(scale.key() + " = " + e.getValue() + ": expected [low, high], two numbers");
    }
    return new ParamRange(scale, low.doubleValue(), high.doubleValue());
  }

  /** One value, as the params column writes it. */
  public String draw(SplittableRandom random) {
    return switch (scale) {
      case UNIFORM -> text(low + (high - low) * random.nextDouble());
      case LOG_UNIFORM -> text(Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble()));
      case INT_UNIFORM -> Long.toString((long) low + random.nextLong((long) high - (long) low + 1));
    };
  }

  /** The bounds, written as drawn values are: both must be values the learner takes. */
  public List<String> bounds() {
    return scale == Scale.INT_UNIFORM ? List.of(Long.toString((long) low), Long.toString((long) high))
        : List.of(text(low), text(high));
  }

  /** {@value #DIGITS} significant digits, no exponent, no trailing zeros: 0.0003127, 0.5, 2. */
  static String text(double value) {
    return new BigDecimal(value).round(new MathContext(DIGITS)).stripTrailingZeros().toPlainString();
  }
}
