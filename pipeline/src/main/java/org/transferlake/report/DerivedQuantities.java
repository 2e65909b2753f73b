package org.transferlake.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * Quantities derived from two experiments' predictions (first − second), scored on the compositions both tested:
 * whether the two models' errors cancel in the difference (the paper's claim for explicit latent variables).
 */
final class DerivedQuantities {
  private static final String KEY = "transferlake.report.derived";

  /** A derived quantity: the first experiment's target minus the second's. */
  public record Spec(String name, String first, String second, String unit) {}

  /**
   * Its scores for one architecture, learner and hyperparameters: MAE of each target and of the difference, RMSE of
   * the difference against the RMSE independent errors would give, and the correlation of the two errors.
   */
  public record Score(String architecture, String learner, String params, long compositions, double maeFirst,
      double maeSecond, double maeDerived, double rmseDerived, double rmseIfIndependent, double errorCorrelation) {}

  private DerivedQuantities() {}

  /** Reads the file {@code transferlake.report.derived} names; empty or blank: none. */
  public static List<Spec> load(String file) {
    if (file.isBlank()) {
      return List.of();
    }
    List<Spec> out = new ArrayList<>();
    Config c = ConfFile.read(KEY, file, "derived quantities");
    try {
      for (Config d : c.getConfigList("derived")) {
        out.add(new Spec(d.getString("name"), d.getString("first"), d.getString("second"),
            d.hasPath("unit") ? d.getString("unit") : ""));
      }
    } catch (ConfigException e) {
      throw new SettingsException(KEY + " = \"" + file + "\": " + e.getMessage(), e);
    }
    return out;
  }

  /** The report's section on a derived quantity: its scores as a table, and the RMSE against independence as bars. */
  static ReportPart section(Spec spec, String firstRun, String secondRun, List<Score> scores) {
    List<List<String>> rows = new ArrayList<>();
    for (Score s : scores) {
      rows.add(List.of(s.architecture(), s.learner(), s.params(), Long.toString(s.compositions()),
          Cells.number(s.maeFirst(), 4), Cells.number(s.maeSecond(), 4), Cells.number(s.maeDerived(), 4),
          Cells.number(s.rmseDerived(), 4), Cells.number(s.rmseIfIndependent(), 4),
          Cells.number(s.errorCorrelation(), 2)));
    }
    String unit = spec.unit().isBlank() ? "" : " (" + spec.unit() + ")";
    List<ReportDocument.Block> blocks = new ArrayList<>();
    blocks.add(ReportDocument.Text.of(spec.first() + " (run " + firstRun + ") minus " + spec.second() + " (run "
        + secondRun + "), on the compositions both tested out of fold. Errors that move together cancel in the"
        + " difference: RMSE of the difference below the RMSE independent errors would give (sqrt of the sum of"
        + " both mean squared errors), and a positive error correlation."));
    blocks.add(new ReportDocument.Table(List.of("architecture", "learner", "params", "compositions",
        "MAE " + spec.first() + unit, "MAE " + spec.second() + unit, "MAE difference" + unit,
        "RMSE difference" + unit, "RMSE if independent" + unit, "error correlation"), rows));
    List<Figure> figures = new ArrayList<>();
    if (!scores.isEmpty()) {
      String title = "Derived quantity " + spec.name();
      Figure figure = new Figure(("derived-" + spec.name()).replaceAll("[^A-Za-z0-9._-]", "_") + ".png", title,
          "RMSE of " + spec.name() + " per model, against the RMSE its two errors would give if independent:"
          + " the lower the first bar against the second, the more the errors cancel.",
          Charts.derivedErrors(title, chartNames(scores), scores.stream().map(Score::rmseDerived).toList(),
              scores.stream().map(Score::rmseIfIndependent).toList(), "RMSE" + unit));
      blocks.add(new ReportDocument.Figures(List.of(figure)));
      figures.add(figure);
    }
    return new ReportPart(List.of(new ReportDocument.Section(2, "Derived quantity: " + spec.name(), blocks)),
        figures);
  }

  /** Architecture and learner per model; with the params too where those alone repeat. */
  private static List<String> chartNames(List<Score> scores) {
    List<String> names = scores.stream().map(s -> s.architecture() + " / " + s.learner()).toList();
    if (names.stream().distinct().count() < names.size()) {
      names = scores.stream().map(s -> s.architecture() + " / " + s.learner() + " " + s.params()).toList();
    }
    return names;
  }

  /** Scores a derived quantity from two published runs' predictions at all training rows. */
  public static List<Score> score(Lake lake, String firstRun, String secondRun) {
    String predictions = lake.name(LakeTable.PREDICTIONS);
    String side = "SELECT architecture, learner, params, composition_key, avg(actual) AS actual,"
        + " avg(mean) AS predicted FROM " + predictions + " WHERE run_id = '%s' AND unit_id LIKE '%%|n0|%%'"
        + " AND mean IS NOT NULL GROUP BY 1, 2, 3, 4";
    List<Score> out = new ArrayList<>();
    for (Row r : lake.spark().sql("WITH a AS (" + String.format(side, firstRun.replace("'", "''")) + "),"
        + " b AS (" + String.format(side, secondRun.replace("'", "''")) + "),"
        + " e AS (SELECT a.architecture, a.learner, a.params, a.predicted - a.actual AS ea,"
        + " b.predicted - b.actual AS eb FROM a JOIN b USING (architecture, learner, params, composition_key))"
        + " SELECT architecture, learner, params, count(*), avg(abs(ea)), avg(abs(eb)), avg(abs(ea - eb)),"
        + " sqrt(avg((ea - eb) * (ea - eb))), sqrt(avg(ea * ea) + avg(eb * eb)), corr(ea, eb)"
        + " FROM e GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").collectAsList()) {
      out.add(new Score(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getDouble(4), r.getDouble(5),
          r.getDouble(6), r.getDouble(7), r.getDouble(8), r.isNullAt(9) ? Double.NaN : r.getDouble(9)));
    }
    return out;
  }
}
