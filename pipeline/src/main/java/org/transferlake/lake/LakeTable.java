package org.transferlake.lake;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Every table of the lake with its schema and layout. {@code data-lake-layout.md} documents each one;
 * keep the two in step.
 */
public enum LakeTable {
  OBSERVATIONS("curated", "observations",
      "composition_key STRING, formula_raw STRING, value_double DOUBLE, value_label STRING, unit STRING,"
          + " property STRING, fidelity STRING, source_id STRING, source_file STRING, record_number BIGINT,"
          + " source_record_id STRING, conditions MAP<STRING, STRING>, file_sha256 STRING, ingest_run_id STRING",
      "source_id", "property, fidelity, composition_key"),
  ELEMENT_PROPERTIES("curated", "element_properties",
      "source_id STRING, element STRING, atomic_number INT, property STRING, value DOUBLE, unit STRING,"
          + " source_file STRING, record_number BIGINT, file_sha256 STRING, ingest_run_id STRING",
      "source_id", "property, atomic_number"),
  REJECTS("curated", "rejects",
      "source_id STRING, source_file STRING, record_number BIGINT, field STRING, raw_record STRING,"
          + " reason_code STRING, reason STRING,"
          + " ingest_run_id STRING",
      "source_id", "source_file, record_number"),
  SOURCES("curated", "sources",
      "source_id STRING, title STRING, kind STRING, format STRING, files ARRAY<STRING>,"
          + " file_sha256 MAP<STRING, STRING>, sha256 STRING, pinned_sha256 STRING, definition_sha256 STRING,"
          + " origin_url STRING, origin_repository STRING, origin_commit STRING, origin_path STRING,"
          + " licence STRING, citation STRING, flags ARRAY<STRING>, contexts ARRAY<STRING>,"
          + " ingest_run_id STRING, ingested_at TIMESTAMP, depends_on MAP<STRING, STRING>,"
          + " lineage ARRAY<STRUCT<context: STRING, relation: STRING, other_context: STRING, note: STRING>>",
      null, null),
  METRICS("results", "metrics",
      Columns.METRICS,
      "experiment", "run_id, architecture, learner, params, fold, n_train, repeat"),
  PREDICTIONS("results", "predictions",
      Columns.PREDICTIONS,
      "experiment", "run_id, unit_id, source_file, record_number"),
  SELECTED("results", "selected",
      "run_id STRING, experiment STRING, architecture STRING, learner STRING, fold INT, n_train INT, repeat INT,"
          + " params STRING, candidates INT, inner_score DOUBLE, " + Columns.SELECTED_METRICS,
      "experiment", null),
  RUNGS("results", "rungs",
      Columns.RUNGS,
      "experiment", "run_id, unit_id, rung"),
  REGISTRY("models", "registry",
      "run_id STRING, experiment STRING, target_context STRING, architecture STRING, learner STRING, params STRING,"
          + " selected_by STRING, features STRING, cv_metric STRING, cv_score DOUBLE, cv_score_sd DOUBLE,"
          + " cv_mae DOUBLE, cv_rmse DOUBLE, cv_folds INT, n_train INT, seed BIGINT, artifact STRING,"
          + " artifact_sha256 STRING, artifact_bytes BIGINT, seen_elements ARRAY<STRING>,"
          + " provenance MAP<STRING, STRING>, fit_seconds DOUBLE, created_at TIMESTAMP",
      null, null),
  CAMPAIGN_ROUNDS("results", "campaign_rounds",
      Columns.CAMPAIGN_ROUNDS,
      "experiment", "run_id, arm, repeat, round"),
  RUNS("ops", "runs",
      "run_id STRING, kind STRING, experiment STRING, status STRING, units BIGINT, started_at TIMESTAMP,"
          + " finished_at TIMESTAMP, seconds DOUBLE, code_version STRING, config_sha256 STRING, definition STRING,"
          + " settings STRING, input_snapshots MAP<STRING, BIGINT>, source_coverage MAP<STRING, BIGINT>",
      null, null),
  STAGED_METRICS("ops", "staged_metrics", Columns.METRICS, null, null),
  STAGED_PREDICTIONS("ops", "staged_predictions", Columns.PREDICTIONS, null, null),
  STAGED_CAMPAIGN_ROUNDS("ops", "staged_campaign_rounds", Columns.CAMPAIGN_ROUNDS, null, null),
  STAGED_RUNGS("ops", "staged_rungs", Columns.RUNGS, null, null),
  INGEST_RUNS("ops", "ingest_runs",
      "run_id STRING, source_id STRING, status STRING, records_read BIGINT, records_accepted BIGINT,"
          + " records_rejected BIGINT, observations_written BIGINT, values_rejected BIGINT, sha256 STRING,"
          + " message STRING, started_at TIMESTAMP, finished_at TIMESTAMP, seconds DOUBLE",
      null, null),
  RUN_COMPARISONS("ops", "run_comparisons",
      "run_id STRING, previous_run_id STRING, experiment STRING, architecture STRING, learner STRING, metric STRING,"
          + " previous DOUBLE, current DOUBLE, change DOUBLE, verdict STRING, threshold DOUBLE",
      null, null);

  /** Columns two tables share: a run's results, and the same results staged while the run is under way. */
  private static final class Columns {
    static final String METRICS = "run_id STRING, experiment STRING, target_context STRING, unit_id STRING,"
        + " architecture STRING, learner STRING, params STRING, fold INT, n_train INT, n_test INT, repeat INT,"
        + " seed BIGINT, " + Metric.ddl(List.of(Metric.values())) + ","
        + " inner_score DOUBLE, fit_seconds DOUBLE, predict_seconds DOUBLE, code_version STRING,"
        + " config_sha256 STRING, n_requested INT, executor_id STRING";
    static final String SELECTED_METRICS = Metric.ddl(List.of(Metric.MAE, Metric.RMSE, Metric.ACCURACY,
        Metric.LOG_LOSS));
    static final String PREDICTIONS = "run_id STRING, experiment STRING, unit_id STRING, architecture STRING,"
        + " learner STRING, params STRING, fold INT, n_train INT, repeat INT, source_id STRING, source_file STRING,"
        + " record_number BIGINT, composition_key STRING, actual DOUBLE, actual_label STRING, mean DOUBLE,"
        + " std DOUBLE, predicted_label STRING, probabilities ARRAY<DOUBLE>, clipped BOOLEAN,"
        + " std_uncalibrated DOUBLE";
    static final String RUNGS = "run_id STRING, experiment STRING, unit_id STRING, architecture STRING,"
        + " learner STRING, params STRING, fold INT, n_train INT, repeat INT, rung INT, budget STRING,"
        + " budget_share DOUBLE, inner_score DOUBLE, fit_seconds DOUBLE, n_requested INT, code_version STRING,"
        + " config_sha256 STRING, executor_id STRING";
    static final String CAMPAIGN_ROUNDS = "run_id STRING, experiment STRING, target_context STRING,"
        + " unit_id STRING, arm STRING, strategy STRING, architecture STRING, learner STRING, params STRING,"
        + " repeat INT, seed BIGINT, goal STRING, initial_rows INT, batch INT, budget INT, round INT, measured INT,"
        + " hits INT, best DOUBLE, mae_unmeasured DOUBLE, revealed ARRAY<STRING>, revealed_values ARRAY<DOUBLE>,"
        + " fit_seconds DOUBLE, code_version STRING, config_sha256 STRING, executor_id STRING";
  }

  private final String namespace;
  private final String name;
  private final String columns;
  private final String partitionedBy;
  private final String writeOrder;

  LakeTable(String namespace, String name, String columns, String partitionedBy, String writeOrder) {
    this.namespace = namespace;
    this.name = name;
    this.columns = columns;
    this.partitionedBy = partitionedBy;
    this.writeOrder = writeOrder;
  }

  public String namespace() {
    return namespace;
  }

  /** {@code namespace.name}, without the catalog. */
  public String qualifiedName() {
    return namespace + "." + name;
  }

  /** The columns as declared: rows built in code follow this order; new columns go last, as evolution adds them. */
  public StructType schema() {
    return StructType.fromDDL(columns);
  }

  /**
   * Exact (untruncated) file statistics of {@code run_id}: a re-run replaces its rows with Iceberg's overwrite by
   * filter, which drops whole files only and fails where statistics cannot tell run ids apart (by default strings
   * keep 16 characters, which {@code nightly-<date>-...} ids share).
   */
  static final String RUN_ID_METRICS = "write.metadata.metrics.column.run_id";

  boolean hasRunId() {
    return java.util.Arrays.asList(schema().fieldNames()).contains("run_id");
  }

  String createStatement(String catalog) {
    return "CREATE TABLE IF NOT EXISTS " + catalog + "." + qualifiedName() + " (" + columns + ") USING iceberg"
        + (partitionedBy == null ? "" : " PARTITIONED BY (" + partitionedBy + ")")
        + " TBLPROPERTIES ('format-version' = '2', 'write.parquet.compression-codec' = 'zstd'"
        + (hasRunId() ? ", '" + RUN_ID_METRICS + "' = 'full'" : "") + ")";
  }

  String writeOrderStatement(String catalog) {
    return writeOrder == null ? null
        : "ALTER TABLE " + catalog + "." + qualifiedName() + " WRITE ORDERED BY " + writeOrder;
  }
}
