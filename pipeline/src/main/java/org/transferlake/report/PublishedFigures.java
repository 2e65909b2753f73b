package org.transferlake.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Metric;

/** Published figures to compare a run with, per target context, from a HOCON file ({@code conf/report/published.conf}). */
final class PublishedFigures {
  private static final String KEY = "transferlake.report.published";
  private static final Set<String> METRICS = Set.of(Metric.MAE.column(), Metric.RMSE.column(),
      Metric.ACCURACY.column());

  /** One published model's figure. */
  public record Entry(String model, double value) {}

  /** A leaderboard or paper's figures for one target context. */
  public record Reference(String target, String metric, String title, String url, String citation, String note,
      List<Entry> entries) {}

  private final Map<String, Reference> byTarget;

  private PublishedFigures(Map<String, Reference> byTarget) {
    this.byTarget = byTarget;
  }

  public static PublishedFigures none() {
    return new PublishedFigures(Map.of());
  }

  /** Reads the file {@code transferlake.report.published} names; anything malformed fails naming the key and file. */
  public static PublishedFigures load(File file) {
    Config c = ConfFile.read(KEY, file.getPath(), "published figures");
    Map<String, Reference> out = new LinkedHashMap<>();
    try {
      List<? extends Config> list = c.getConfigList("published");
      for (int i = 0; i < list.size(); i++) {
        Config r = list.get(i);
        String where = KEY + " = \"" + file + "\": published[" + i + "]";
        String metric = r.getString("metric");
        if (!METRICS.contains(metric)) {
          throw new SettingsException(where + ".metric = " + metric + ": expected one of " + METRICS);
        }
        List<Entry> entries = new ArrayList<>();
        for (Config e : r.getConfigList("entries")) {
          entries.add(new Entry(e.getString("model"), e.getDouble("value")));
        }
        Reference reference = new Reference(r.getString("target"), metric, r.getString("title"), r.getString("url"),
            r.getString("citation"), r.hasPath("note") ? r.getString("note") : "", List.copyOf(entries));
        if (out.put(reference.target(), reference) != null) {
          throw new SettingsException(where + ": target " + reference.target() + " appears twice");
        }
      }
    } catch (ConfigException e) {
      throw new SettingsException(KEY + " = \"" + file + "\": " + e.getMessage(), e);
    }
    return new PublishedFigures(out);
  }

  /** The figures for a target context, or null. */
  public Reference forTarget(String target) {
    return byTarget.get(target);
  }
}
