package org.transferlake.model.acquisition;

import org.transferlake.model.learn.Gaussian;

/**
 * The acquisition functions for a predictive N(μ, σ²), for a goal of largest values; a goal of smallest values uses
 * them on −y. σ = 0 is a point mass at μ: each function takes its exact value there, never 0/0.
 */
final class Formulas {
  private Formulas() {}

  /** P(low ≤ y ≤ high), from the upper tails when μ is above the window so that no digits cancel. */
  static double probabilityIn(double mean, double std, double low, double high) {
    if (std == 0) {
      return mean >= low && mean <= high ? 1 : 0;
    }
    double a = (low - mean) / std;
    double b = (high - mean) / std;
    double p = a > 0 ? Gaussian.cdf(-a) - Gaussian.cdf(-b) : Gaussian.cdf(b) - Gaussian.cdf(a);
    return Math.max(0, p);
  }

  /** E[max(0, y − best)] = d·Φ(d/σ) + σ·φ(d/σ) with d = μ − best. */
  static double expectedImprovement(double mean, double std, double best) {
    double d = mean - best;
    if (std == 0) {
      return Math.max(0, d);
    }
    double z = d / std;
    return Math.max(0, d * Gaussian.cdf(z) + std * Gaussian.pdf(z));
  }

  /** P(y > best) = Φ((μ − best)/σ); for σ = 0, 1 when μ is above best, else 0. */
  static double probabilityOfImprovement(double mean, double std, double best) {
    if (std == 0) {
      return mean > best ? 1 : 0;
    }
    return Gaussian.cdf((mean - best) / std);
  }

  /** How far μ lies outside [low, high]; 0 inside. */
  static double distanceTo(double mean, double low, double high) {
    return mean < low ? low - mean : mean > high ? mean - high : 0;
  }
}
