package org.transferlake.model.transfer;

import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;

/**
 * An architecture as the rest of the pipeline sees it, declared once by the architecture's own class: its name,
 * what it needs of the sources, what a fit costs, how it is built and how a saved one is reassembled.
 *
 * @param costFactor seconds of a unit relative to one fit of its learner on the rows it trains on (a second stage,
 *     the source models' predictions)
 * @param usesLearner whether it fits the experiment's learner on target rows; one that does not ({@code
 *     source_only}) gives the same unit at every grid point, so an experiment plans it once per learner, with no
 *     hyperparameters
 */
public record ArchitectureComponent(String name, String doc, Needs needs, double costFactor, boolean usesLearner,
    Factory factory, Assembler assembler) {

  /** An architecture that fits its learner on target rows. */
  public ArchitectureComponent(String name, String doc, Needs needs, double costFactor, Factory factory,
      Assembler assembler) {
    this(name, doc, needs, costFactor, true, factory, assembler);
  }

  /** What an architecture takes from the source contexts. */
  public enum SourceUse {
    /** Nothing: the target alone. */
    NONE,
    /** The source rows, pooled with the target's (up to {@code options.union-source-rows} per source). */
    POOLS_ROWS,
    /** The stage-one source models (or measured source values), trained once per experiment and shared. */
    SOURCE_MODELS
  }

  /**
   * What an architecture needs of an experiment.
   *
   * @param maxSources the most source contexts it takes; 0: any number
   * @param regressionOnly whether it takes numeric targets only
   */
  public record Needs(SourceUse sources, int maxSources, boolean regressionOnly) {
    /** Any number of sources, any target. */
    public static Needs of(SourceUse sources) {
      return new Needs(sources, 0, false);
    }

    /** Whether it takes an experiment of {@code sourceCount} sources and a numeric (or label) target. */
    public boolean takes(int sourceCount, boolean numericTarget) {
      return (sources == SourceUse.NONE || sourceCount > 0) && (maxSources == 0 || sourceCount <= maxSources)
          && (numericTarget || !regressionOnly);
    }
  }

  @FunctionalInterface
  public interface Factory {
    Architecture create(ArchitectureSettings settings);
  }

  /** Rebuilds a fitted architecture from its parts (a saved model's, or a freshly trained one's). */
  @FunctionalInterface
  public interface Assembler {
    /** @param sources the source estimates, for the architectures that use source models; null otherwise */
    TransferModel assemble(List<Model> models, Label target, Map<String, String> options, SourceEstimator sources);
  }

  public Architecture create(ArchitectureSettings settings) {
    return factory.create(settings);
  }

  /** @throws IllegalArgumentException for options it cannot read */
  public TransferModel assemble(List<Model> models, Label target, Map<String, String> options,
      SourceEstimator sources) {
    return assembler.assemble(models, target, options, sources);
  }

  public SourceUse sourceUse() {
    return needs.sources();
  }

  /** Whether it needs at least one source context. */
  public boolean usesSources() {
    return needs.sources() != SourceUse.NONE;
  }
}
