package org.transferlake.model.learn;

import java.util.List;
import java.util.Map;

/**
 * A learner as the rest of the pipeline sees it, declared once by the learner's own class: its name, its
 * hyperparameters, whether its fits run one at a time per JVM, how it is built, what a fit is expected to cost
 * and how its saved model is read.
 *
 * @param trainsOneAtATime whether fits run one at a time per JVM (the mlp: DJL's PyTorch training lock)
 */
public record LearnerComponent(String name, String doc, List<Param<?>> params, boolean trainsOneAtATime,
    Factory factory, CostModel cost, ModelReader reader) {

  public LearnerComponent {
    params = List.copyOf(params);
  }

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
