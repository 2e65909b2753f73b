package org.transferlake.train.units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.transferlake.lake.Metric;
import org.transferlake.model.registry.FinalChoice;

/**
 * Chooses the hyperparameters of each final model from the scored units, as {@link FinalChoice} describes. Where the
 * experiment compares presets, a unit's params name its preset, so the preset is chosen with them, alike.
 */
public final class FinalChoices {
  private FinalChoices() {}

  /** One choice per architecture and learner, from the units trained on a fold's whole training set. */
  public static List<FinalChoice> choose(List<UnitScore> results, boolean classification) {
    Metric metric = Metric.selection(classification);
    Map<String, List<UnitScore>> byModel = new TreeMap<>();
    for (UnitScore r : results) {
      if (r.unit().nTrain() == 0) {
        byModel.computeIfAbsent(r.unit().architecture() + "|" + r.unit().learner(), k -> new ArrayList<>()).add(r);
      }
    }
    List<FinalChoice> out = new ArrayList<>();
    byModel.values().forEach(units -> out.add(choose(units, metric)));
    return out;
  }

  private static FinalChoice choose(List<UnitScore> units, Metric metric) {
    Map<String, List<UnitScore>> byParams = new TreeMap<>();
    Map<String, List<UnitScore>> byFold = new TreeMap<>();
    for (UnitScore r : units) {
      byParams.computeIfAbsent(r.unit().paramsText(), k -> new ArrayList<>()).add(r);
      byFold.computeIfAbsent(r.unit().fold() + "|" + r.unit().repeat(), k -> new ArrayList<>()).add(r);
    }
    WorkUnit first = units.get(0).unit();
    if (byParams.size() == 1) {
      return of(first, first, "only_candidate", units, metric);
    }
    boolean inner = units.stream().allMatch(r -> r.innerScore() != null);
    if (!inner) {
      String best = byParams.entrySet().stream()
          .min(Comparator.comparingDouble((Map.Entry<String, List<UnitScore>> e) -> mean(e.getValue(), metric))
              .thenComparing(Map.Entry::getKey))
          .orElseThrow().getKey();
      List<UnitScore> chosen = byParams.get(best);
      return of(chosen.get(0).unit(), chosen.get(0).unit(), "outer_cv", chosen, metric);
    }
    List<UnitScore> perFoldChoice = new ArrayList<>();
    Map<String, Integer> votes = new LinkedHashMap<>();
    for (List<UnitScore> fold : byFold.values()) {
      UnitScore best = fold.stream().min(Comparator.comparingDouble(UnitScore::innerScore)
          .thenComparing(r -> r.unit().paramsText())).orElseThrow();
      perFoldChoice.add(best);
      votes.merge(best.unit().paramsText(), 1, Integer::sum);
    }
    String winner = votes.keySet().stream().min(Comparator.comparingInt((String p) -> -votes.get(p))
        .thenComparingDouble(p -> byParams.get(p).stream().mapToDouble(UnitScore::innerScore).average()
            .orElse(Double.MAX_VALUE))
        .thenComparing(p -> p)).orElseThrow();
    return of(first, byParams.get(winner).get(0).unit(), "inner_cv", perFoldChoice, metric);
  }

  /** @param chosen a unit of the chosen params and preset */
  private static FinalChoice of(WorkUnit unit, WorkUnit chosen, String selectedBy, List<UnitScore> scored,
      Metric metric) {
    double score = mean(scored, metric);
    double sd = sd(scored, metric, score);
    boolean regression = metric == Metric.MAE;
    return new FinalChoice(unit.architecture(), unit.learner(), chosen.params(), chosen.features(), selectedBy, metric.column(), score, sd,
        regression ? score : null, regression ? mean(scored, Metric.RMSE) : null, scored.size());
  }

  private static double mean(List<UnitScore> units, Metric metric) {
    return units.stream().mapToDouble(r -> r.metrics().get(metric.column())).average().orElse(Double.NaN);
  }

  private static double sd(List<UnitScore> units, Metric metric, double mean) {
    if (units.size() < 2) {
      return Double.NaN;
    }
    double sum = 0;
    for (UnitScore r : units) {
      double d = r.metrics().get(metric.column()) - mean;
      sum += d * d;
    }
    return Math.sqrt(sum / (units.size() - 1));
  }
}
