package org.transferlake.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The units a report summarises: per architecture, learner, size, fold and repeat, the one whose hyperparameters
 * {@code results.selected} chose; where a group had a single candidate, that one. Never chosen by test scores:
 * a group with several candidates and no selection is left out and named.
 *
 * @param units the chosen units, in the metrics' order
 * @param unselected one line per architecture, learner and size that has groups without a choice
 */
record ChosenUnits(List<UnitMetrics> units, List<String> unselected) {

  public static ChosenUnits choose(List<UnitMetrics> metrics, List<SelectedParams> selected) {
    Map<String, String> choice = new HashMap<>();
    for (SelectedParams s : selected) {
      choice.put(key(s.architecture(), s.learner(), s.fold(), s.nTrain(), s.repeat()), s.params());
    }
    Map<String, List<UnitMetrics>> groups = new TreeMap<>();
    for (UnitMetrics m : metrics) {
      groups.computeIfAbsent(key(m.architecture(), m.learner(), m.fold(), m.nTrain(), m.repeat()) + "|" + m.size(),
          k -> new ArrayList<>()).add(m);
    }
    List<UnitMetrics> chosen = new ArrayList<>();
    Map<String, TreeSet<Integer>> missing = new TreeMap<>();
    for (List<UnitMetrics> group : groups.values()) {
      UnitMetrics first = group.get(0);
      String params = choice.get(key(first.architecture(), first.learner(), first.fold(), first.nTrain(),
          first.repeat()));
      UnitMetrics pick = null;
      if (params != null) {
        pick = group.stream().filter(m -> Objects.equals(m.params(), params)).findFirst().orElse(null);
      } else if (group.stream().map(UnitMetrics::params).distinct().count() == 1) {
        pick = first;
      }
      if (pick != null) {
        chosen.add(pick);
      } else {
        missing.computeIfAbsent(first.architecture() + " / " + first.learner() + ", size "
            + (first.size() == 0 ? "all" : String.valueOf(first.size())) + ": "
            + group.stream().map(UnitMetrics::params).distinct().count() + " candidates and no selection, fold",
            k -> new TreeSet<>()).add(first.fold());
      }
    }
    java.util.Set<UnitMetrics> picked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    picked.addAll(chosen);
    List<UnitMetrics> ordered = metrics.stream().filter(picked::contains).toList();
    List<String> lines = new ArrayList<>();
    missing.forEach((what, folds) -> lines.add(what + (folds.size() > 1 ? "s " : " ") + joined(folds)));
    return new ChosenUnits(ordered, lines);
  }

  private static String key(String architecture, String learner, int fold, int nTrain, int repeat) {
    return architecture + "|" + learner + "|" + fold + "|" + nTrain + "|" + repeat;
  }

  private static String joined(TreeSet<Integer> folds) {
    StringBuilder sb = new StringBuilder();
    folds.forEach(f -> sb.append(sb.length() == 0 ? "" : ", ").append(f));
    return sb.toString();
  }
}
