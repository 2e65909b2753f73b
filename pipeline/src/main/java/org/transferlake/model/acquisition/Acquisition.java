package org.transferlake.model.acquisition;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The acquisition functions: how much measuring a candidate with predictive distribution N(μ, σ²) is worth toward
 * a {@link Goal}. Every value is "larger is better" (measure first), so the minimizing forms are negated where
 * needed. {@link AcquisitionFunction} computes them.
 */
public enum Acquisition {
  /** P(LO ≤ y ≤ HI). */
  PROBABILITY_IN_WINDOW("probability_in_window", "the probability that the value lies in the window",
      Goal.Kind.WINDOW),
  /** E[max(0, y − best)] for max, E[max(0, best − y)] for min. */
  EXPECTED_IMPROVEMENT("expected_improvement", "the expected amount by which the value beats the best measured",
      Goal.Kind.MAX, Goal.Kind.MIN),
  /** P(y > best) for max, P(y < best) for min. */
  PROBABILITY_OF_IMPROVEMENT("probability_of_improvement", "the probability that the value beats the best measured",
      Goal.Kind.MAX, Goal.Kind.MIN),
  /** μ + κσ. */
  UPPER_CONFIDENCE_BOUND("upper_confidence_bound", "mean + κ·σ (optimism in the face of uncertainty)",
      Goal.Kind.MAX),
  /** −(μ − κσ): the lower bound, negated so that a lower bound ranks first. */
  LOWER_CONFIDENCE_BOUND("lower_confidence_bound", "−(mean − κ·σ), negated so that the lowest bound ranks first",
      Goal.Kind.MIN),
  /** σ: pure exploration. */
  MAX_UNCERTAINTY("max_uncertainty", "σ, the model's uncertainty (pure exploration)",
      Goal.Kind.WINDOW, Goal.Kind.MAX, Goal.Kind.MIN),
  /** μ (max), −μ (min), −distance of μ to the window (window): the baseline that ignores σ. */
  MEAN("mean", "the mean alone: μ (max), −μ (min), −(distance of μ to the window) (window); the baseline",
      Goal.Kind.WINDOW, Goal.Kind.MAX, Goal.Kind.MIN);

  private final String key;
  private final String meaning;
  private final Set<Goal.Kind> goals;

  Acquisition(String key, String meaning, Goal.Kind first, Goal.Kind... more) {
    this.key = key;
    this.meaning = meaning;
    this.goals = EnumSet.of(first, more);
  }

  /** The name it is chosen by ({@code expected_improvement}). */
  public String key() {
    return key;
  }

  /** One line on what its value is. */
  public String meaning() {
    return meaning;
  }

  public boolean appliesTo(Goal goal) {
    return goals.contains(goal.kind());
  }

  /** The functions that apply to a goal, in declaration order. */
  public static List<Acquisition> validFor(Goal goal) {
    return Arrays.stream(values()).filter(a -> a.appliesTo(goal)).toList();
  }

  /** The default for a goal: probability in the window for a window, expected improvement for max and min. */
  public static Acquisition defaultFor(Goal goal) {
    return goal.kind() == Goal.Kind.WINDOW ? PROBABILITY_IN_WINDOW : EXPECTED_IMPROVEMENT;
  }

  /**
   * The function of a name.
   *
   * @throws IllegalArgumentException naming every function
   */
  public static Acquisition parse(String name) {
    for (Acquisition a : values()) {
      if (a.key.equals(name == null ? null : name.strip())) {
        return a;
      }
    }
    throw new IllegalArgumentException("acquisition '" + name + "': unknown; expected one of " + names(
        Arrays.asList(values())));
  }

  /**
   * This function, when it applies to the goal.
   *
   * @throws IllegalArgumentException naming the functions that do apply
   */
  public Acquisition requireValidFor(Goal goal) {
    if (!appliesTo(goal)) {
      throw new IllegalArgumentException("acquisition " + key + " does not apply to goal " + goal + ": for "
          + (goal.kind() == Goal.Kind.WINDOW ? "a window" : goal.toString()) + " use one of "
          + names(validFor(goal)));
    }
    return this;
  }

  private static String names(List<Acquisition> list) {
    return list.stream().map(Acquisition::key).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return key;
  }
}
