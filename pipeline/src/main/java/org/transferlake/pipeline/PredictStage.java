package org.transferlake.pipeline;

import java.io.File;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.catalog.Units;
import org.transferlake.model.learn.ModelFormatException;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.predict.PredictJob;
import org.transferlake.train.Experiments;

/** Screening: formulas scored with a model of the lake's registry. */
public final class PredictStage {
  private final PipelineSession session;
  private final ModelRegistry registry;

  public PredictStage(PipelineSession session) {
    this.session = session;
    this.registry = new Experiments(session.lake(), session.settings()).registry();
  }

  /**
   * The registered model of an experiment.
   *
   * @param architecture null for the one with the best cross-validated score
   * @param learner null for the architecture's
   * @param runId null for the newest published run
   */
  public ModelRegistry.Entry model(String experiment, String architecture, String learner, String runId) {
    return registry.find(experiment, architecture, learner, runId);
  }

  /**
   * The unit a model's predictions are given in: the one the source catalog declares for the target context's
   * values, else (no such source in the catalog, or a unit no conversion is known for) the property's canonical
   * unit, in which the lake stores them; null for a label target.
   */
  public PredictJob.OutputUnit unit(ModelRegistry.Entry model) {
    String[] context = model.targetContext().split("/");
    PropertyCatalog.Property property = session.settings().properties().get(context[0]);
    if (!property.numeric()) {
      return null;
    }
    String declared = context.length == 3 ? declaredUnit(context[0], context[1], context[2]) : null;
    double factor = declared == null ? Double.NaN : Units.factor(property.unit(), declared);
    return Double.isNaN(factor) ? new PredictJob.OutputUnit(property.unit(), 1.0)
        : new PredictJob.OutputUnit(declared, factor);
  }

  /** The unit the catalog's source declares for a context's values; null when none or several. */
  private String declaredUnit(String property, String fidelity, String sourceId) {
    if (!new File(session.settings().sourcesDir()).isDirectory()) {
      return null;
    }
    Set<String> units = new TreeSet<>();
    for (SourceDefinition source : SourceCatalog.load(session.settings()).all()) {
      if (source.id().equals(sourceId)) {
        source.values().stream()
            .filter(v -> v.property().equals(property) && v.fidelity().equals(fidelity) && v.declaredUnit() != null)
            .forEach(v -> units.add(v.declaredUnit()));
      }
    }
    return units.size() == 1 ? units.iterator().next() : null;
  }

  /**
   * Scores every row of {@code input} by its formula column, in the model's {@link #unit}; a formula that cannot
   * be read keeps its row.
   *
   * @throws ModelFormatException when the model's artifact is damaged or changed (refused, never used)
   */
  public Dataset<Row> score(Dataset<Row> input, String formulaColumn, ModelRegistry.Entry model)
      throws ModelFormatException, IOException {
    return job().predict(input, formulaColumn, model, unit(model));
  }

  /** The scorer, over this session's lake and registry. */
  PredictJob job() {
    return new PredictJob(session.lake(), registry, session.settings().featurizeElementSource(),
        session.settings().properties());
  }
}
