package org.transferlake.model.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.model.transfer.ArchitectureComponent.Needs;
import org.transferlake.model.transfer.ArchitectureComponent.SourceUse;

/**
 * One model with one output per context, trained jointly: each target row carries the source values of its
 * composition where known, and compositions only the sources have add rows whose target label is missing.
 * Missing labels are skipped by the learner (masked loss, NaN-aware splits).
 */
public final class MultiTask implements Architecture {
  public static final String NAME = "multi_task";
  public static final ArchitectureComponent COMPONENT = new ArchitectureComponent(NAME,
      "one model of every context at once, the target's output read", Needs.of(SourceUse.POOLS_ROWS), 1.0,
      settings -> new MultiTask(), (models, target, options, sources) -> assemble(models.get(0), target));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TransferModel fit(TransferData data, Learner learner, SourceModels sources, long seed) {
    ContextSet target = data.target();
    List<ContextSet> contexts = data.sources();
    int k = 1 + contexts.size();
    List<Label> labels = new ArrayList<>();
    labels.add(target.label());
    List<Map<String, Double>> byKey = new ArrayList<>();
    for (ContextSet s : contexts) {
      labels.add(new Label(s.context(), s.label().classes(), s.label().weight()));
      byKey.add(s.valueByKey());
    }
    List<double[]> x = new ArrayList<>();
    List<double[]> y = new ArrayList<>();
    java.util.Set<String> targetKeys = new java.util.HashSet<>();
    for (int i = 0; i < target.rows(); i++) {
      double[] row = new double[k];
      row[0] = target.y()[i];
      for (int c = 0; c < contexts.size(); c++) {
        row[1 + c] = byKey.get(c).getOrDefault(target.keys()[i], Double.NaN);
      }
      x.add(target.x()[i]);
      y.add(row);
      targetKeys.add(target.keys()[i]);
    }
    Map<String, double[]> extra = new LinkedHashMap<>();
    Map<String, double[]> extraX = new HashMap<>();
    for (int c = 0; c < contexts.size(); c++) {
      ContextSet s = contexts.get(c);
      for (int i = 0; i < s.rows(); i++) {
        String key = s.keys()[i];
        if (targetKeys.contains(key)) {
          continue;
        }
        double[] row = extra.computeIfAbsent(key, unused -> {
          double[] r = new double[k];
          java.util.Arrays.fill(r, Double.NaN);
          return r;
        });
        if (Double.isNaN(row[1 + c])) {
          row[1 + c] = s.y()[i];
        }
        extraX.putIfAbsent(key, s.x()[i]);
      }
    }
    extra.forEach((key, row) -> {
      x.add(extraX.get(key));
      y.add(row);
    });
    Model model = learner.fit(data.bounded(new TrainingSet(x.toArray(new double[0][]), y.toArray(new double[0][]),
        labels), 0, null), seed);
    return assemble(model, target.label());
  }

  static TransferModel assemble(Model model, Label target) {
    return new Fitted(NAME, model, target, Map.of(), null, (keys, rows) -> model.predict(rows).select(0));
  }
}
