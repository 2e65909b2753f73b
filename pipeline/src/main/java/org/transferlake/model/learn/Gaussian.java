package org.transferlake.model.learn;

/**
 * The standard normal distribution's density, distribution and quantile functions, which Java lacks (commons-math3
 * comes only through Spark, not as a dependency of ours): used by the two-stage architecture's mixture median, the
 * report's intervals and the acquisition functions.
 */
public final class Gaussian {
  private static final double ONE_OVER_ROOT_TWO_PI = 0.398942280401432677939946059934;
  // W. J. Cody's rational Chebyshev approximations to Φ (ACM TOMS 715, 1993; the algorithm of R's pnorm)
  private static final double[] A = {2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582,
      18154.981253343561249, 0.065682337918207449113};
  private static final double[] B = {47.20258190468824187, 976.09855173777669322, 10260.932208618978205,
      45507.789335026729956};
  private static final double[] C = {0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979,
      597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124,
      9842.7148383839780218, 1.0765576773720192317e-8};
  private static final double[] D = {22.266688044328115691, 235.38790178262499861, 1519.377599407554805,
      6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411,
      19685.429676859990727};
  private static final double[] P = {0.21589853405795699, 0.1274011611602473639, 0.022235277870649807,
      0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303};
  private static final double[] Q = {1.28426009614491121, 0.468238212480865118, 0.0659881378689285515,
      0.00378239633202758244, 7.29751555083966205e-5};

  private Gaussian() {}

  /** φ(x), the standard normal density; 0 at ±∞. */
  public static double pdf(double x) {
    return ONE_OVER_ROOT_TWO_PI * Math.exp(-0.5 * x * x);
  }

  /**
   * Φ(x) = P(Z ≤ x), to full double precision in both tails (Cody's algorithm): Φ(−x) is the upper tail without
   * the cancellation of 1 − Φ(x). Φ(−∞) = 0, Φ(+∞) = 1, NaN for NaN.
   */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double y = Math.abs(x);
    if (y <= 0.66291) {
      double xsq = y > 1.11e-16 ? x * x : 0;
      double num = A[4] * xsq;
      double den = xsq;
      for (int i = 0; i < 3; i++) {
        num = (num + A[i]) * xsq;
        den = (den + B[i]) * xsq;
      }
      return 0.5 + x * (num + A[3]) / (den + B[3]);
    }
    double tail; // P(Z > y)
    if (y <= Math.sqrt(32)) {
      double num = C[8] * y;
      double den = y;
      for (int i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      tail = gaussianFactor(y) * (num + C[7]) / (den + D[7]);
    } else if (y < 40) {
      double xsq = 1 / (y * y);
      double num = P[5] * xsq;
      double den = xsq;
      for (int i = 0; i < 4; i++) {
        num = (num + P[i]) * xsq;
        den = (den + Q[i]) * xsq;
      }
      double r = xsq * (num + P[4]) / (den + Q[4]);
      tail = gaussianFactor(y) * (ONE_OVER_ROOT_TWO_PI - r) / y;
    } else {
      tail = 0;
    }
    return x > 0 ? 1 - tail : tail;
  }

  /** exp(−y²/2), with y split at a multiple of 1/16 so that the square loses no digits. */
  private static double gaussianFactor(double y) {
    double head = Math.floor(y * 16) / 16;
    double rest = (y - head) * (y + head);
    return Math.exp(-head * head * 0.5) * Math.exp(-rest * 0.5);
  }

  /** Φ⁻¹(p), by Acklam's rational approximation (relative error below 1.2e-9). */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("normal quantile of " + p + ": expected 0 < p < 1");
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    double x;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - low) {
      double q = p - 0.5;
      double r = q * q;
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
          / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    return x;
  }
}
