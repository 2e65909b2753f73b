package org.transferlake.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The validated settings of one invocation: typed getters over the merged configuration. */
public final class Settings {
  private final Config config;
  private final Set<String> explicitSparkKeys;

  Settings(Config config, Set<String> explicitSparkKeys) {
    this.config = config;
    this.explicitSparkKeys = Set.copyOf(explicitSparkKeys);
    requirePositive("transferlake.ingest.max-record-chars");
    double share = outOfRangeMaxShare();
    if (!(share >= 0 && share <= 1)) {
      throw new SettingsException("transferlake.ingest.out-of-range-max-share = " + share + ": expected a share in"
          + " [0, 1] (1: never fail on it)");
    }
    requirePositive("transferlake.sql.max-rows");
    requirePositive("transferlake.learners.source.switch-rows");
    if (trainPartitions() < 0) {
      throw new SettingsException("transferlake.experiments.partitions = " + trainPartitions()
          + ": expected 0 (automatic) or more");
    }
    requirePositive("transferlake.experiments.units-per-commit");
    requirePositive("transferlake.featurize.rows-per-partition");
    requireNonBlank("transferlake.featurize.element-source");
    if (featurizeProgressSeconds() < 0) {
      throw new SettingsException("transferlake.featurize.progress-seconds = " + featurizeProgressSeconds()
          + ": expected 0 (no progress lines) or more");
    }
    requirePositive("transferlake.ingest.download.max-bytes");
    requirePositiveDuration("transferlake.ingest.download.timeout");
    requireNonBlank("transferlake.lake.root");
    requireNonBlank("transferlake.lake.catalog");
    String catalog = lakeCatalog();
    if (!catalog.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new SettingsException("transferlake.lake.catalog = \"" + catalog
          + "\": expected an SQL identifier (letters, digits, _)");
    }
    PropertyCatalog.from(config); // fails fast on a malformed property declaration
    requirePositive("transferlake.report.parity-points");
    requirePositive("transferlake.report.min-test-rows");
    nightlyThresholds().forEach((metric, value) -> {
      if (!(value >= 0)) {
        throw new SettingsException("transferlake.nightly.thresholds." + metric + " = " + value
            + ": expected 0 or more");
      }
    });
    for (String metric : nightlyAlertOn()) {
      if (!nightlyThresholds().containsKey(metric)) {
        throw new SettingsException("transferlake.nightly.alert-on = " + nightlyAlertOn() + ": '" + metric
            + "' is not compared; expected some of " + nightlyThresholds().keySet());
      }
    }
    if (config.getInt("transferlake.nightly.retention.keep-days") < 0) {
      throw new SettingsException("transferlake.nightly.retention.keep-days = "
          + config.getInt("transferlake.nightly.retention.keep-days") + ": expected 0 or more");
    }
    if (nightlyKeepLast() < 0) {
      throw new SettingsException("transferlake.nightly.retention.keep-last = " + nightlyKeepLast()
          + ": expected 0 or more");
    }
    requireNonNegativeDuration("transferlake.nightly.maintenance.expire-snapshots-after");
    requirePositive("transferlake.nightly.maintenance.retain-snapshots");
  }

  public Config config() {
    return config;
  }

  public String lakeRoot() {
    return config.getString("transferlake.lake.root");
  }

  public String lakeCatalog() {
    return config.getString("transferlake.lake.catalog");
  }

  /** hadoop (the default), jdbc, hive or rest. */
  public String lakeCatalogType() {
    return config.getString("transferlake.lake.catalog-type");
  }

  public String lakeCatalogUri() {
    return config.getString("transferlake.lake.catalog-uri");
  }

  /** Where the catalog keeps table files; empty: {@code <root>/warehouse}. */
  public String lakeCatalogWarehouse() {
    return config.getString("transferlake.lake.catalog-warehouse");
  }

  public String mirrorDir() {
    return config.getString("transferlake.mirror.dir");
  }

  /** The shipped source catalog's directory ({@link #installed}). */
  public String sourcesDir() {
    return installed(config.getString("transferlake.sources.dir"));
  }

  /** The user's workspace ({@code transferlake.workspace.dir}), or null when none is set. */
  public Workspace workspace() {
    String dir = config.getString("transferlake.workspace.dir");
    return dir.isBlank() ? null : Workspace.at(new java.io.File(dir), "transferlake.workspace.dir");
  }

  /** Where experiments are looked up, in order: the workspace's, then the shipped ones. */
  public List<java.io.File> experimentDirs() {
    Workspace w = workspace();
    java.io.File shipped = new java.io.File(experimentsDir());
    return w == null ? List.of(shipped) : List.of(w.experimentsDir(), shipped);
  }

  /**
   * A shipped directory's path: a relative one from the current directory when it is there, else from the
   * installation ({@code $TRANSFERLAKE_HOME}, which bin/transferlake sets), so that commands run anywhere.
   */
  static String installed(String path) {
    String home = System.getenv("TRANSFERLAKE_HOME");
    java.io.File file = new java.io.File(path);
    if (file.isAbsolute() || file.exists() || home == null || home.isBlank()) {
      return path;
    }
    return new java.io.File(home, path).getPath();
  }

  public List<String> onlySources() {
    return config.getStringList("transferlake.sources.only");
  }

  public boolean excludeFlaggedSources() {
    return config.getBoolean("transferlake.sources.exclude-flagged");
  }

  /** The fidelities whose values are measurements (transferlake.lineage.experimental-fidelities). */
  public List<String> experimentalFidelities() {
    return config.getStringList("transferlake.lineage.experimental-fidelities");
  }

  /** The share of a source's records refused as out of range above which ingest ends with exit code 1. */
  public double outOfRangeMaxShare() {
    return config.getDouble("transferlake.ingest.out-of-range-max-share");
  }

  /** Whether a source catalog's files may be absolute paths outside the mirror. */
  public boolean allowAbsoluteSourcePaths() {
    return config.getBoolean("transferlake.sources.allow-absolute-paths");
  }

  public boolean downloadEnabled() {
    return config.getBoolean("transferlake.ingest.download.enabled");
  }

  public java.time.Duration downloadTimeout() {
    return config.getDuration("transferlake.ingest.download.timeout");
  }

  public long downloadMaxBytes() {
    return config.getLong("transferlake.ingest.download.max-bytes");
  }

  public int maxRecordChars() {
    return config.getInt("transferlake.ingest.max-record-chars");
  }

  /** The presets to featurize, each into {@code features.<preset>}. */
  public List<String> featurizePresets() {
    return config.getStringList("transferlake.featurize.presets");
  }

  public String featurizeElementSource() {
    return config.getString("transferlake.featurize.element-source");
  }

  public int featurizeRowsPerPartition() {
    return config.getInt("transferlake.featurize.rows-per-partition");
  }

  public int featurizeProgressSeconds() {
    return config.getInt("transferlake.featurize.progress-seconds");
  }

  public PropertyCatalog properties() {
    return PropertyCatalog.from(config);
  }

  /** Rows above which a source context trains with the distributed learner. */
  public long sourceSwitchRows() {
    return config.getLong("transferlake.learners.source.switch-rows");
  }

  /**
   * The distributed source learner as configured ({@code transferlake.learners.source.distributed} and its
   * {@code mllib} hyperparameters); the train stage builds and checks it.
   */
  public DistributedLearner distributedSourceLearner() {
    String key = "transferlake.learners.source.";
    Map<String, String> params = new TreeMap<>();
    config.getObject(key + "mllib").forEach((k, v) -> params.put(k, String.valueOf(v.unwrapped())));
    return new DistributedLearner(config.getString(key + "distributed"), params);
  }

  /** The settings of the distributed source learner, as written: its name and its hyperparameters' text. */
  public record DistributedLearner(String name, Map<String, String> params) {}

  /** The shipped experiments' directory ({@link #installed}). */
  public String experimentsDir() {
    return installed(config.getString("transferlake.experiments.dir"));
  }

  public String referenceDir() {
    return config.getString("transferlake.experiments.reference-dir");
  }

  /** Tasks to pack work units into; 0 lets the job choose from the session's cores. */
  public int trainPartitions() {
    return config.getInt("transferlake.experiments.partitions");
  }

  public int unitsPerCommit() {
    return config.getInt("transferlake.experiments.units-per-commit");
  }

  /** The experiments {@code run} trains. */
  public List<String> runExperiments() {
    return config.getStringList("transferlake.run.experiments");
  }

  public String runId() {
    return config.getString("transferlake.run.id");
  }

  /** Per compared metric, the change beyond which nightly calls it better or worse (insertion order kept). */
  public Map<String, Double> nightlyThresholds() {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    Config t = config.getConfig("transferlake.nightly.thresholds");
    new java.util.TreeSet<>(t.root().keySet()).forEach(k -> out.put(k, t.getDouble(k)));
    return out;
  }

  public List<String> nightlyAlertOn() {
    return config.getStringList("transferlake.nightly.alert-on");
  }

  public boolean nightlyRetention() {
    return config.getBoolean("transferlake.nightly.retention.enabled");
  }

  public java.time.Duration nightlyKeepAge() {
    return java.time.Duration.ofDays(config.getInt("transferlake.nightly.retention.keep-days"));
  }

  public int nightlyKeepLast() {
    return config.getInt("transferlake.nightly.retention.keep-last");
  }

  public java.time.Duration nightlyExpireAfter() {
    return config.getDuration("transferlake.nightly.maintenance.expire-snapshots-after");
  }

  public int nightlyRetainSnapshots() {
    return config.getInt("transferlake.nightly.maintenance.retain-snapshots");
  }

  public boolean nightlyCompact() {
    return config.getBoolean("transferlake.nightly.maintenance.compact");
  }

  public int sqlMaxRows() {
    return config.getInt("transferlake.sql.max-rows");
  }

  /** The published-figures file the report compares with; empty for none. */
  public String reportPublished() {
    return config.getString("transferlake.report.published");
  }

  public String reportDerived() {
    return config.getString("transferlake.report.derived");
  }

  public int reportParityPoints() {
    return config.getInt("transferlake.report.parity-points");
  }

  public long reportSeed() {
    return config.getLong("transferlake.report.seed");
  }

  public int reportMinTestRows() {
    return config.getInt("transferlake.report.min-test-rows");
  }

  /** Every {@code spark.*} key of the configuration, flattened to Spark's own names. */
  public Map<String, String> sparkConf() {
    if (!config.hasPath("spark")) {
      return Collections.emptyMap();
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : config.getConfig("spark").entrySet()) {
      out.put("spark." + e.getKey(), String.valueOf(e.getValue().unwrapped()));
    }
    return out;
  }

  /** Spark keys given with {@code --set}: they win over spark-submit's; file values do not. */
  public Set<String> explicitSparkKeys() {
    return explicitSparkKeys;
  }

  /** The project settings as HOCON, for provenance records: secrets hidden (see {@link Redaction}). */
  public String renderProjectSettings() {
    Config shown = config.getConfig("transferlake");
    for (Map.Entry<String, ConfigValue> e : shown.entrySet()) {
      if (e.getValue().valueType() == ConfigValueType.STRING) {
        String value = (String) e.getValue().unwrapped();
        String hidden = Redaction.value(e.getKey(), value);
        if (!hidden.equals(value)) {
          shown = shown.withValue(e.getKey(), ConfigValueFactory.fromAnyRef(hidden)); // keys come as paths
        }
      }
    }
    return shown.root().render(ConfigRenderOptions.concise().setFormatted(true).setJson(false));
  }

  private void requirePositive(String key) {
    long value = config.getLong(key);
    if (value <= 0) {
      throw new SettingsException(key + " = " + value + ": expected a number above 0");
    }
  }

  private void requirePositiveDuration(String key) {
    java.time.Duration value;
    try {
      value = config.getDuration(key);
    } catch (com.typesafe.config.ConfigException e) {
      throw new SettingsException(key + " = \"" + config.getString(key) + "\": expected a duration such as 60s or 2m");
    }
    if (value.isZero() || value.isNegative()) {
      throw new SettingsException(key + " = " + value + ": expected a duration above 0");
    }
  }

  private void requireNonNegativeDuration(String key) {
    java.time.Duration value;
    try {
      value = config.getDuration(key);
    } catch (com.typesafe.config.ConfigException e) {
      throw new SettingsException(key + " = \"" + config.getString(key) + "\": expected a duration such as 30d or 12h");
    }
    if (value.isNegative()) {
      throw new SettingsException(key + " = " + value + ": expected 0 or more");
    }
  }

  private void requireNonBlank(String key) {
    if (config.getString(key).isBlank()) {
      throw new SettingsException(key + " is empty: expected a value");
    }
  }
}
