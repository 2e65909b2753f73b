package org.transferlake.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.transferlake.lake.Metric;
import org.transferlake.model.learn.Versions;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ContextRef;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.RungResult;
import org.transferlake.train.units.RungUnit;
import org.transferlake.train.units.UnitResult;
import org.transferlake.train.units.WorkUnit;

/**
 * A unit's result as the rows of {@code results.metrics} and {@code results.predictions}, and a rung unit's as its
 * row of {@code results.rungs}, built inside the task that trained it (column order as {@code LakeTable} declares).
 */
final class ResultRows {
  private ResultRows() {}

  static Row metrics(String runId, ExperimentDefinition e, ExperimentData data, UnitResult r) {
    WorkUnit u = r.unit();
    Map<String, Double> m = r.metrics();
    List<Object> values = new ArrayList<>(Arrays.asList(runId, e.name(), data.targetContext(), u.id(), u.architecture(),
        u.learner(), u.paramsText(), u.fold(), r.nTrain(), r.nTest(), u.repeat(), u.seed()));
    Metric.columns().forEach(c -> values.add(m.get(c))); // null where the task has no such metric
    values.addAll(Arrays.asList(r.innerScore(), r.fitSeconds(), r.predictSeconds(), Versions.TRANSFERLAKE,
        e.definitionSha256(), u.nTrain(), r.executorId()));
    return RowFactory.create(values.toArray());
  }

  /** A rung unit's row of {@code results.rungs}: the candidate's unit id, the rung, its budget and inner score. */
  static Row rung(String runId, ExperimentDefinition e, RungResult r) {
    RungUnit g = r.unit();
    WorkUnit u = g.candidate();
    return RowFactory.create(runId, e.name(), u.id(), u.architecture(), u.learner(), u.paramsText(), u.fold(),
        r.nTrain(), u.repeat(), g.rung(), g.budget(), g.share(), r.innerScore(), r.fitSeconds(), u.nTrain(),
        Versions.TRANSFERLAKE, e.definitionSha256(), r.executorId());
  }

  static List<Row> predictions(String runId, ExperimentDefinition e, ExperimentData data, UnitResult r) {
    WorkUnit u = r.unit();
    List<String> classes = data.label().classes();
    String sourceId = ContextRef.parse(data.targetContext()).sourceId();
    boolean classification = r.probabilities() != null;
    List<Row> out = new ArrayList<>(r.testRows().length);
    for (int i = 0; i < r.testRows().length; i++) {
      int row = r.testRows()[i];
      Double actual = classification ? null : data.y()[row];
      String actualLabel = classification ? classes.get((int) data.y()[row]) : null;
      Double mean = classification ? null : r.mean()[i];
      Double std = classification ? null : r.std()[i];
      Boolean clipped = classification ? null : r.moved()[i];
      Double spread = classification ? null : r.spread()[i];
      String predicted = null;
      scala.collection.immutable.Seq<Object> probabilities = null;
      if (classification) {
        double[] p = r.probabilities()[i];
        int best = 0;
        for (int c = 1; c < p.length; c++) {
          best = p[c] > p[best] ? c : best;
        }
        predicted = classes.get(best);
        List<Object> boxed = new ArrayList<>();
        for (double v : p) {
          boxed.add(v);
        }
        probabilities = scala.jdk.javaapi.CollectionConverters.asScala(boxed).toSeq();
      }
      out.add(RowFactory.create(runId, e.name(), u.id(), u.architecture(), u.learner(), u.paramsText(), u.fold(),
          r.nTrain(), u.repeat(), sourceId, data.sourceFiles()[row], data.recordNumbers()[row], data.keys()[row],
          actual, actualLabel, mean, std, predicted, probabilities, clipped,
          spread));
    }
    return out;
  }
}
