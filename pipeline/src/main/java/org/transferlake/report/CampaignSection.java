package org.transferlake.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.transferlake.report.ReportDocument.Block;
import org.transferlake.report.ReportDocument.Figures;
import org.transferlake.report.ReportDocument.Section;
import org.transferlake.report.ReportDocument.Table;
import org.transferlake.report.ReportDocument.Text;
import org.transferlake.train.experiment.CampaignSpec;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * A campaign run's part of the report: discovery curves (hits against experiments, median and interquartile range
 * over repeats, one line per arm) and the experiments each arm needed to find N hits, with its ratio to the
 * baselines (random, target_only with the same acquisition, the source_only ranking).
 */
final class CampaignSection {
  /** One row of {@code results.campaign_rounds}, as the report reads it. */
  record RoundRow(String arm, String strategy, String architecture, int repeat, int round, int measured, int hits,
      List<Double> revealedValues, Double maeUnmeasured) {}

  private CampaignSection() {}

  static ReportPart build(PublishedRun run, List<RoundRow> rows) {
    ExperimentDefinition e = ExperimentCatalog.parse(run.definition(), "run " + run.runId());
    CampaignSpec spec = e.campaign();
    Map<String, List<List<Integer>>> hitsAt = hitPositions(spec, rows);
    List<Block> blocks = new ArrayList<>();
    blocks.add(Text.of(String.format(Locale.ROOT, "Simulated campaigns toward %s on %s's %s: %d initial rows"
        + " (seeded, the same for every arm of a repeat; not counted), then batches of %d up to %d experiments,"
        + " %d repeats. A hit is a revealed composition whose value is %s. Run %s took %.0f s.", spec.goal(),
        e.target().id(), "records", spec.initialRows(), spec.batch(), spec.budget(), e.repeats(), spec.hitRule(),
        run.runId(), run.seconds())));
    String file = "campaign_" + run.experiment() + ".png";
    Figure figure = new Figure(file, run.experiment() + ": discovery curves", "Hits against experiments: median"
        + " over repeats (solid) and interquartile range (dashed), one line per arm.",
        Charts.discoveryCurves(run.experiment() + ": hits against experiments", curves(spec, hitsAt)));
    blocks.add(new Figures(List.of(figure)));
    blocks.add(Text.of("Experiments to find N hits: median and interquartile range over repeats (\"not within "
        + spec.budget() + "\" where the median repeat did not reach N; \">" + spec.budget() + "\" for a quartile that"
        + " did not); each baseline's median divided by the arm's (2.0 = half the experiments)."));
    blocks.add(table(spec, hitsAt));
    if (spec.declaredBest() != null && hitsAt.containsKey(spec.declaredBest())) {
      blocks.add(Text.of(goals(spec, hitsAt)));
    }
    Section section = new Section(2, run.experiment() + " — campaign run " + run.runId(), blocks);
    return new ReportPart(List.of(section), List.of(figure));
  }

  /** Per arm (in the file's order), per repeat: the experiment (1-based) at which each hit was revealed. */
  static Map<String, List<List<Integer>>> hitPositions(CampaignSpec spec, List<RoundRow> rows) {
    Map<String, TreeMap<Integer, List<RoundRow>>> byArm = new LinkedHashMap<>();
    spec.arms().forEach(a -> byArm.put(a.name(), new TreeMap<>()));
    for (RoundRow r : rows) {
      byArm.computeIfAbsent(r.arm(), k -> new TreeMap<>()).computeIfAbsent(r.repeat(), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<List<Integer>>> out = new LinkedHashMap<>();
    byArm.forEach((arm, repeats) -> {
      List<List<Integer>> perRepeat = new ArrayList<>();
      repeats.values().forEach(rounds -> {
        List<Integer> hits = new ArrayList<>();
        int experiment = 0;
        for (RoundRow r : rounds.stream().sorted(java.util.Comparator.comparingInt(RoundRow::round)).toList()) {
          if (r.round() == 0) {
            continue; // the initial rows are not experiments
          }
          for (double v : r.revealedValues()) {
            experiment++;
            if (spec.hit(v)) {
              hits.add(experiment);
            }
          }
        }
        perRepeat.add(hits);
      });
      if (!perRepeat.isEmpty()) {
        out.put(arm, perRepeat);
      }
    });
    return out;
  }

  /** Per arm, rows {experiments, median hits, lower quartile, upper quartile} every batch up to the budget. */
  private static Map<String, double[][]> curves(CampaignSpec spec, Map<String, List<List<Integer>>> hitsAt) {
    Map<String, double[][]> out = new LinkedHashMap<>();
    hitsAt.forEach((arm, repeats) -> {
      List<double[]> points = new ArrayList<>();
      for (int x = 0; x <= spec.budget(); x = x == spec.budget() ? x + 1 : Math.min(spec.budget(), x + spec.batch())) {
        final int at = x;
        double[] counts = repeats.stream().mapToDouble(h -> h.stream().filter(e -> e <= at).count()).toArray();
        points.add(new double[] {x, quantile(counts, 0.5), quantile(counts, 0.25), quantile(counts, 0.75)});
      }
      out.put(arm, points.toArray(double[][]::new));
    });
    return out;
  }

  /** The experiments each repeat needed for {@code n} hits; infinity where it did not reach them. */
  static double[] experimentsTo(List<List<Integer>> repeats, int n) {
    return repeats.stream().mapToDouble(h -> h.size() >= n ? h.get(n - 1) : Double.POSITIVE_INFINITY).toArray();
  }

  private static Table table(CampaignSpec spec, Map<String, List<List<Integer>>> hitsAt) {
    List<List<String>> rows = new ArrayList<>();
    for (String arm : hitsAt.keySet()) {
      for (int n : spec.hitsFor()) {
        double median = median(hitsAt.get(arm), n);
        double[] e = experimentsTo(hitsAt.get(arm), n);
        rows.add(List.of(arm, Integer.toString(n), Double.isInfinite(median) ? "not within " + spec.budget()
            : number(median), "[" + bound(quantile(e, 0.25), spec) + ", " + bound(quantile(e, 0.75), spec) + "]",
            ratio(spec, hitsAt, baseline(spec, arm, Baseline.RANDOM), n, median),
            ratio(spec, hitsAt, baseline(spec, arm, Baseline.TARGET_ONLY), n, median),
            ratio(spec, hitsAt, baseline(spec, arm, Baseline.SOURCE_ONLY), n, median),
            Arrays.stream(e).filter(Double::isFinite).count() + " of " + e.length));
      }
    }
    return new Table(List.of("arm", "N hits", "median experiments", "IQR", "× random", "× target_only (same"
        + " acquisition)", "× source_only", "repeats reaching N"), rows);
  }

  /** The goals the declared-best arm was held to before the study ran, at the largest N. */
  private static String goals(CampaignSpec spec, Map<String, List<List<Integer>>> hitsAt) {
    String best = spec.declaredBest();
    int n = spec.hitsFor().stream().mapToInt(Integer::intValue).max().orElse(1);
    double median = median(hitsAt.get(best), n);
    StringBuilder s = new StringBuilder("Declared best before the run: " + best + ". At " + n + " hits, against the"
        + " goals (at least 3× fewer experiments than random, 1.5× fewer than target_only with the same acquisition,"
        + " 1.2× fewer than the source_only ranking): ");
    List<String> parts = new ArrayList<>();
    for (Object[] g : new Object[][] {{Baseline.RANDOM, 3.0}, {Baseline.TARGET_ONLY, 1.5}, {Baseline.SOURCE_ONLY, 1.2}}) {
      String other = baseline(spec, best, (Baseline) g[0]);
      if (other == null || !hitsAt.containsKey(other)) {
        parts.add(g[0] + ": no such arm");
        continue;
      }
      double base = median(hitsAt.get(other), n);
      double ratio = Double.isInfinite(median) ? 0 : Double.isInfinite(base) ? spec.budget() / median : base / median;
      parts.add(other + " " + (Double.isInfinite(median) ? best + " did not reach " + n
          : (Double.isInfinite(base) ? "> " : "") + number(ratio) + "×") + " (goal " + g[1] + "×: "
          + (ratio >= (Double) g[1] ? "met" : "not met") + ")");
    }
    return s.append(String.join("; ", parts)).append('.').toString();
  }

  private enum Baseline { RANDOM, TARGET_ONLY, SOURCE_ONLY }

  /** The arm an arm is compared with: random, target_only with its acquisition, the source_only ranking. */
  private static String baseline(CampaignSpec spec, String arm, Baseline kind) {
    CampaignSpec.Arm a = spec.arm(arm);
    return spec.arms().stream().filter(b -> switch (kind) {
      case RANDOM -> b.random();
      case TARGET_ONLY -> b.architecture().equals("target_only") && a != null && b.acquisition() == a.acquisition();
      case SOURCE_ONLY -> b.architecture().equals("source_only");
    }).map(CampaignSpec.Arm::name).findFirst().orElse(null);
  }

  /**
   * The baseline's median over the arm's: "> x" where the baseline's median repeat did not reach n within the
   * budget (it needed more than the budget), "< 1" where the arm's did not.
   */
  private static String ratio(CampaignSpec spec, Map<String, List<List<Integer>>> hitsAt, String baseline, int n,
      double median) {
    if (baseline == null || !hitsAt.containsKey(baseline)) {
      return "–";
    }
    double base = median(hitsAt.get(baseline), n);
    if (Double.isInfinite(base) && Double.isInfinite(median)) {
      return "neither";
    }
    if (Double.isInfinite(base)) {
      return "> " + number(spec.budget() / median);
    }
    return Double.isInfinite(median) ? "< 1" : number(base / median);
  }

  private static double median(List<List<Integer>> repeats, int n) {
    return quantile(experimentsTo(repeats, n), 0.5);
  }

  /** The q-quantile, interpolated between order statistics (type 7); infinite where an infinite one enters. */
  static double quantile(double[] values, double q) {
    double[] v = values.clone();
    Arrays.sort(v);
    if (v.length == 0) {
      return Double.NaN;
    }
    double h = (v.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    if (Double.isInfinite(v[hi])) {
      return Double.POSITIVE_INFINITY;
    }
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }

  private static String bound(double v, CampaignSpec spec) {
    return Double.isInfinite(v) ? ">" + spec.budget() : number(v);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
