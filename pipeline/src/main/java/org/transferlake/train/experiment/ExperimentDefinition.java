package org.transferlake.train.experiment;

import java.io.Serializable;
import java.util.List;
import org.transferlake.model.transfer.ArchitectureSettings;

/**
 * One experiment ({@code conf/experiments/<name>.conf}): which context to predict from which sources, with which
 * features, architectures, learners and hyperparameter grids, cross-validated how.
 *
 * @param features the feature presets compared, each a preset or a combination {@code a+b}; one or more
 * @param foldTable a fold table (one fold per record of the target's file, in file order), or null for k-fold
 *     grouped by composition key
 * @param innerFolds folds of the inner validation that chooses hyperparameters (0: no selection)
 * @param learningCurve training-set sizes of the target; 0 stands for all
 * @param crossFitFolds groups of composition keys for cross-fitted source models
 * @param sourceLearner the learner of the source models (up to transferlake.learners.source.switch-rows rows)
 * @param targetClasses for a label target, the class of each raw label (key {@code *}: every other label); empty
 *     keeps the raw labels
 * @param hashFolds k folds assigned by a hash of the composition key and the seed instead of a seeded shuffle, so
 *     that experiments over different compositions put a shared composition in the same fold
 * @param unionSourceRows the most rows per source that the architectures pooling source rows take with the target:
 *     the source rows of the target's compositions, then a seeded sample of the others; 0 pools every row.
 *     Stage-one source models always train on every row.
 * @param allowedExperimentalSources source contexts used although both they and the target are experimental values
 *     of one property (a leak unless shown otherwise), each with the experiment's reason; empty allows none
 * @param campaign the simulated campaign that replaces cross-validation, or null for an experiment that trains
 *     and scores units ({@code campaign} in the file)
 */
public record ExperimentDefinition(String name, String description, ContextRef target, List<SourceSpec> sources,
    List<String> features, List<String> architectures, List<LearnerSpec> learners, int folds, long foldSeed,
    String foldTable, int innerFolds, List<Integer> learningCurve, int repeats, long seed, boolean useMeasured,
    int crossFitFolds, boolean addSourceVariance, String sourceLearner, java.util.Map<String, String> sourceParams,
    String definitionFile, String definitionSha256, java.util.Map<String, String> targetClasses, boolean hashFolds,
    int unionSourceRows, java.util.Map<String, String> allowedExperimentalSources, CampaignSpec campaign)
    implements Serializable {

  /**
   * A source: one context, or a chain of contexts of one property in order of preference (a composition takes the
   * value of the first link that holds it), and how a link's duplicate observations per composition are aggregated.
   *
   * @param links the context, or the chain's links in order (two or more)
   */
  public record SourceSpec(List<ContextRef> links, Aggregation aggregate) implements Serializable {
    public SourceSpec {
      if (links.isEmpty()) {
        throw new IllegalArgumentException("a source needs a context");
      }
      links = List.copyOf(links);
    }

    /** A source of one context. */
    public SourceSpec(ContextRef context, Aggregation aggregate) {
      this(List.of(context), aggregate);
    }

    /** Whether the source is a chain of two or more contexts. */
    public boolean chain() {
      return links.size() > 1;
    }

    /** The context's id, or the chain's links joined by {@code " > "}: the source's name in models and reports. */
    public String id() {
      return String.join(" > ", links.stream().map(ContextRef::id).toList());
    }
  }

  /** Whether the experiment compares presets: then each unit's id and params name its preset. */
  public boolean comparesFeatures() {
    return features.size() > 1;
  }

  /** What the options tell the architectures that use source models. */
  public ArchitectureSettings architectureSettings() {
    return new ArchitectureSettings(useMeasured, addSourceVariance);
  }
}
