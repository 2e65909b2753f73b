package org.transferlake.model.learn;

import java.util.List;
import java.util.Map;

/**
 * A learner as the rest of the pipeline sees it, declared once by the learner's own class: its name, its
 * hyperparameters, whether its fits run one at a time per JVM, how it is built, what a fit is expected to cost
 * and how its saved model is read.
 *
 * @param trainsOneAtATime whether fits run one at a time per JVM (the mlp: DJL's PyTorch training lock)
 * @param budget the hyperparameter successive halving scales down in its early rungs, or null where there is none
 *     (those rungs then fit on a share of the rows)
 */
public record LearnerComponent(String name, String doc, List<Param<?>> params, boolean trainsOneAtATime,
    Factory factory, CostModel cost, ModelReader reader, Budget budget) {

  public LearnerComponent {
    params = List.copyOf(params);
    if (budget != null && !params.contains(budget.param())) {
      throw new IllegalArgumentException(name + ": the budget " + budget.param().name() + " is not a param");
    }
  }

  /** A learner with no budget hyperparameter. */
  public LearnerComponent(String name, String doc, List<Param<?>> params, boolean trainsOneAtATime,
      Factory factory, CostModel cost, ModelReader reader) {
    this(name, doc, params, trainsOneAtATime, factory, cost, reader, null);
  }

  /**
   * A whole-number hyperparameter that sets how much a fit does (trees, epochs): successive halving's early rungs
   * fit with a share of it, never below {@code minimum}.
   */
  public record Budget(Param<Integer> param, int minimum) {}

  /** Builds the learner from checked hyperparameters. */
  @FunctionalInterface
  public interface Factory {
    /** @param threads work at once for learners that can (1 inside a Spark task: the task is the unit) */
    Learner create(ParamValues values, int threads);
  }

  /** Expected seconds of one fit on one core. */
  @FunctionalInterface
  public interface CostModel {
    double fitSeconds(ParamValues values, double rows);
  }

  /**
   * The learner with hyperparameters {@code text} (missing ones at their defaults).
   *
   * @throws Param.Invalid naming the hyperparameter, for an unknown one or a value its param refuses
   */
  public Learner create(Map<String, String> text, int threads) {
    return factory.create(values(text), threads);
  }

  /** @throws Param.Invalid as {@link #create} */
  public ParamValues values(Map<String, String> text) {
    return new ParamValues(params, text);
  }

  /** The param called {@code name}, or null. */
  public Param<?> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

  /** Expected seconds of one fit on {@code rows} rows, on one core. */
  public double fitSeconds(Map<String, String> text, double rows) {
    return cost.fitSeconds(values(text), rows);
  }
}
