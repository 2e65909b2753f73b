package org.transferlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.config.Settings;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.catalog.SourceDownloader;
import org.transferlake.ingest.catalog.SourceFiles;
import org.transferlake.ingest.formats.SourceParsers;
import org.transferlake.ingest.formats.RejectCodes;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * Ingests sources into the lake: each file is parsed in its own Spark task, formulas by id are resolved in
 * Spark, and each table is replaced for the changed sources in one commit. A source whose files are unchanged
 * (same SHA-256, same definition, same id source) is skipped ({@link IngestPlan}); a failed source keeps its
 * previous rows and the others go on.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  private final Lake lake;
  private final String mirrorDir;
  private final int maxRecordChars;
  /** Whether a catalog file may be an absolute path outside the mirror. */
  private final boolean allowAbsolutePaths;
  /** Fetches missing files from their origin before they are read; null: the mirror is read as it is. */
  private final SourceDownloader downloader;

  public IngestJob(Lake lake, String mirrorDir, int maxRecordChars) {
    this(lake, mirrorDir, maxRecordChars, null);
  }

  public IngestJob(Lake lake, String mirrorDir, int maxRecordChars, SourceDownloader downloader) {
    this(lake, mirrorDir, maxRecordChars, false, downloader);
  }

  public IngestJob(Lake lake, String mirrorDir, int maxRecordChars, boolean allowAbsolutePaths,
      SourceDownloader downloader) {
    this.lake = lake;
    this.mirrorDir = mirrorDir;
    this.maxRecordChars = maxRecordChars;
    this.allowAbsolutePaths = allowAbsolutePaths;
    this.downloader = downloader;
  }

  /**
   * Ingests the sources the settings select ({@code transferlake.sources.only}, else the whole catalog with the
   * workspace's sources, without flagged sources when {@code transferlake.sources.exclude-flagged}), downloading
   * missing files if enabled.
   */
  public static List<SourceOutcome> run(Lake lake, Settings settings, String runId) {
    SourceCatalog catalog = SourceCatalog.load(settings);
    SourceDownloader downloader = settings.downloadEnabled()
        ? new SourceDownloader(settings.downloadTimeout(), settings.downloadMaxBytes()) : null;
    return new IngestJob(lake, settings.mirrorDir(), settings.maxRecordChars(), settings.allowAbsoluteSourcePaths(),
        downloader)
        .run(runId, catalog.select(settings.onlySources(), settings.excludeFlaggedSources()));
  }

  /** Ingests the sources and returns one outcome per source, in the order given. */
  public List<SourceOutcome> run(String runId, List<SourceDefinition> sources) {
    Instant started = Instant.now();
    var hadoop = lake.spark().sparkContext().hadoopConfiguration();
    List<SourceFiles.Resolved> resolved = new ArrayList<>();
    for (SourceDefinition source : sources) {
      String problem = downloader == null ? null : downloader.fetchMissing(source, mirrorDir, hadoop);
      resolved.add(problem == null ? SourceFiles.resolve(source, mirrorDir, allowAbsolutePaths, hadoop)
          : new SourceFiles.Resolved(source, List.of(), null, problem));
    }
    IngestPlan plan = IngestPlan.make(resolved, SourcesTable.previous(lake));
    Map<String, SourceOutcome> outcomes = new LinkedHashMap<>(plan.settled);
    if (!plan.toIngest.isEmpty()) {
      outcomes.putAll(ingest(runId, plan));
    }
    List<SourceOutcome> ordered = new ArrayList<>();
    sources.forEach(s -> ordered.add(outcomes.get(s.id())));
    recordRun(runId, started, ordered);
    return ordered;
  }

  private Map<String, SourceOutcome> ingest(String runId, IngestPlan plan) {
    Map<String, SourceFiles.Resolved> toIngest = plan.toIngest;
    List<FileTask> tasks = new ArrayList<>();
    for (SourceFiles.Resolved r : toIngest.values()) {
      r.files().forEach(f -> tasks.add(new FileTask(r.source(), f)));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lake.spark().sparkContext());
    int limit = maxRecordChars;
    JavaRDD<Row> rows = jsc.parallelize(tasks, tasks.size()).flatMap(task -> parse(task, limit));
    Dataset<Row> parsed = lake.spark().createDataFrame(rows, IngestItems.SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> items = parsed;
    try {
      Map<String, String> failures = new LinkedHashMap<>();
      Map<String, Double> seconds = new HashMap<>();
      for (Row r : parsed.filter(col("kind").isin(IngestItems.FAILURE, IngestItems.FILE))
          .select("kind", "source_id", "reason", "seconds").collectAsList()) {
        if (IngestItems.FAILURE.equals(r.getString(0))) {
          failures.merge(r.getString(1), r.getString(2), (a, b) -> a + "; " + b);
        } else {
          seconds.merge(r.getString(1), r.getDouble(3), Double::sum);
        }
      }
      Map<String, Map.Entry<String, Dataset<Row>>> idRows = new LinkedHashMap<>();
      for (SourceFiles.Resolved r : toIngest.values()) {
        String idSource = r.source().formulaById();
        if (idSource == null || failures.containsKey(r.source().id())) {
          continue;
        }
        if (failures.containsKey(idSource)) {
          failures.put(r.source().id(), "its formulas come by id from source '" + idSource + "', which failed in this run");
        } else {
          idRows.put(r.source().id(), Map.entry(idSource, toIngest.containsKey(idSource)
              ? parsed.filter(col("kind").equalTo(IngestItems.OBSERVATION).and(col("source_id").equalTo(idSource)))
              : lake.read(LakeTable.OBSERVATIONS).filter(col("source_id").equalTo(idSource))));
        }
      }
      List<String> ok = toIngest.keySet().stream().filter(id -> !failures.containsKey(id)).toList();
      Map<String, SourceOutcome> outcomes = new LinkedHashMap<>();
      failures.forEach((id, message) ->
          outcomes.put(id, SourceOutcome.failure(id, toIngest.get(id).sha256(), message)));
      if (!ok.isEmpty()) {
        if (!idRows.isEmpty()) {
          // resolved once, before the writes: they must all see the id source's rows as they were
          items = IdResolution.resolve(parsed, idRows).persist(StorageLevel.MEMORY_AND_DISK());
        }
        Map<String, long[]> counts = counts(items, ok);
        write(runId, items, ok, plan);
        for (String id : ok) {
          long[] c = counts.getOrDefault(id, new long[4]);
          outcomes.put(id, new SourceOutcome(id, SourceOutcome.OK, c[0], c[1], c[0] - c[1], c[2], c[3],
              toIngest.get(id).sha256(), null, seconds.getOrDefault(id, 0.0)));
        }
      }
      return outcomes;
    } finally {
      items.unpersist();
      parsed.unpersist();
    }
  }

  /** Per source of ingest run {@code runId}: its records refused as out of range, and one reason as written. */
  public static Map<String, Map.Entry<Long, String>> outOfRangeRefusals(Lake lake, String runId) {
    Map<String, Map.Entry<Long, String>> out = new LinkedHashMap<>();
    lake.spark().sql("SELECT source_id, count(DISTINCT source_file, record_number), min(reason) FROM "
        + lake.name(LakeTable.REJECTS) + " WHERE ingest_run_id = '" + runId + "' AND reason_code = '"
        + RejectCodes.OUT_OF_RANGE + "' GROUP BY source_id").collectAsList()
        .forEach(r -> out.put(r.getString(0), Map.entry(r.getLong(1), r.getString(2))));
    return out;
  }

  /**
   * Per source: records read, records accepted, observations (or element values) written, values rejected.
   * Records settled by the parser are counted in their file's row; records resolved by id one row each.
   */
  private static Map<String, long[]> counts(Dataset<Row> items, List<String> ok) {
    Column isFile = col("kind").equalTo(IngestItems.FILE);
    Column isRecord = col("kind").equalTo(IngestItems.RECORD);
    List<Row> rows = items.filter(col("source_id").isin(ok.toArray()))
        .groupBy("source_id")
        .agg(sum(when(isFile, col("records")).when(isRecord, 1L).otherwise(0L)),
            sum(when(isFile, col("records_accepted")).when(isRecord.and(col("accepted")), 1L).otherwise(0L)),
            sum(when(col("kind").isin(IngestItems.OBSERVATION, IngestItems.ELEMENT_VALUE), 1L).otherwise(0L)),
            sum(when(col("kind").equalTo(IngestItems.REJECT).and(col("field").isNotNull()), 1L).otherwise(0L)))
        .collectAsList();
    Map<String, long[]> out = new HashMap<>();
    for (Row r : rows) {
      out.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)});
    }
    return out;
  }

  private void write(String runId, Dataset<Row> items, List<String> ok, IngestPlan plan) {
    Column mine = col("source_id").isin(ok.toArray());
    Dataset<Row> ofOk = items.filter(mine);
    Dataset<Row> observations = ofOk.filter(col("kind").equalTo(IngestItems.OBSERVATION))
        .select(col("composition_key"), col("formula_raw"), col("value_double"), col("value_label"), col("unit"),
            col("property"), col("fidelity"), col("source_id"), col("source_file"), col("record_number"),
            col("source_record_id"), col("conditions"), col("file_sha256"), lit(runId).as("ingest_run_id"));
    Dataset<Row> elementValues = ofOk.filter(col("kind").equalTo(IngestItems.ELEMENT_VALUE))
        .select(col("source_id"), col("element"), col("atomic_number"), col("property"),
            col("value_double").as("value"), col("unit"), col("source_file"), col("record_number"),
            col("file_sha256"), lit(runId).as("ingest_run_id"));
    Dataset<Row> rejects = ofOk.filter(col("kind").equalTo(IngestItems.REJECT))
        .select(col("source_id"), col("source_file"), col("record_number"), col("field"), col("raw_record"),
            col("reason_code"), col("reason"), lit(runId).as("ingest_run_id"));
    // a table none of these sources holds or held rows in is left alone: no empty commit
    if (plan.touches(ok, SourceDefinition.Kind.OBSERVATIONS)) {
      lake.overwrite(LakeTable.OBSERVATIONS, observations, mine);
    }
    if (plan.touches(ok, SourceDefinition.Kind.ELEMENT_TABLE)) {
      lake.overwrite(LakeTable.ELEMENT_PROPERTIES, elementValues, mine);
    }
    lake.overwrite(LakeTable.REJECTS, rejects, mine);
    List<SourceFiles.Resolved> written = ok.stream().map(plan.toIngest::get).toList();
    SourcesTable.replace(lake, written, plan.dependsOn, runId, Timestamp.from(Instant.now()));
  }

  private void recordRun(String runId, Instant started, List<SourceOutcome> outcomes) {
    Timestamp start = Timestamp.from(started);
    Timestamp end = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (SourceOutcome o : outcomes) {
      rows.add(RowFactory.create(runId, o.sourceId(), o.status(), o.recordsRead(), o.recordsAccepted(),
          o.recordsRejected(), o.observationsWritten(), o.valuesRejected(), o.sha256(), o.message(), start, end,
          o.seconds()));
      if (o.failed()) {
        LOG.warn("source {} failed: {}", o.sourceId(), o.message());
      }
    }
    lake.append(LakeTable.INGEST_RUNS, lake.spark().createDataFrame(rows, LakeTable.INGEST_RUNS.schema()));
  }

  /** One file to parse in one task. */
  private record FileTask(SourceDefinition source, SourceFiles.File file) implements Serializable {}

  /** Parses one file; whatever goes wrong fails its source with the reason, never the job. */
  private static Iterator<Row> parse(FileTask task, int maxRecordChars) {
    long t0 = System.nanoTime();
    IngestItems.RowSink sink = new IngestItems.RowSink(task.source().id(), task.file().relative(), task.file().sha256());
    try {
      SourceParsers.parse(task.source(), task.file(), maxRecordChars, sink);
    } catch (IOException | RuntimeException e) {
      sink.failure(task.file().relative() + ": cannot be read: " + e);
    }
    sink.fileDone((System.nanoTime() - t0) / 1e9);
    return sink.rows().iterator();
  }
}
