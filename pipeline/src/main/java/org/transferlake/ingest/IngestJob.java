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
import java.util.Objects;
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
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * Ingests sources into the lake: each file is parsed in its own Spark task, and each table is replaced for
 * the changed sources in one commit. A source whose files are unchanged (same SHA-256, same definition) is
 * skipped; a failed source keeps its previous rows and the others go on.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  private final Lake lake;
  private final String mirrorDir;
  private final int maxRecordChars;

  public IngestJob(Lake lake, String mirrorDir, int maxRecordChars) {
    this.lake = lake;
    this.mirrorDir = mirrorDir;
    this.maxRecordChars = maxRecordChars;
  }

  /** Ingests the sources the settings select ({@code transferlake.sources.only}, else the whole catalog). */
  public static List<SourceOutcome> run(Lake lake, Settings settings, String runId) {
    SourceCatalog catalog = SourceCatalog.load(new java.io.File(settings.sourcesDir()), settings.properties());
    return new IngestJob(lake, settings.mirrorDir(), settings.maxRecordChars())
        .run(runId, catalog.select(settings.onlySources()));
  }

  /** Ingests the sources and returns one outcome per source, in the order given. */
  public List<SourceOutcome> run(String runId, List<SourceDefinition> sources) {
    Instant started = Instant.now();
    Map<String, SourceOutcome> outcomes = new LinkedHashMap<>();
    Map<String, SourceFiles.Resolved> toIngest = new LinkedHashMap<>();
    Map<String, String[]> previous = previousChecksums();
    var hadoop = lake.spark().sparkContext().hadoopConfiguration();
    for (SourceDefinition source : sources) {
      SourceFiles.Resolved resolved = SourceFiles.resolve(source, mirrorDir, hadoop);
      String[] before = previous.get(source.id());
      if (resolved.problem() != null) {
        outcomes.put(source.id(), failed(source.id(), resolved.sha256(), resolved.problem()));
      } else if (before != null && Objects.equals(before[0], resolved.sha256())
          && Objects.equals(before[1], source.definitionSha256())) {
        outcomes.put(source.id(), new SourceOutcome(source.id(), SourceOutcome.UNCHANGED, 0, 0, 0, 0, 0,
            resolved.sha256(), "unchanged since ingest run " + before[2], 0));
      } else {
        toIngest.put(source.id(), resolved);
      }
    }
    if (!toIngest.isEmpty()) {
      outcomes.putAll(ingest(runId, toIngest));
    }
    List<SourceOutcome> ordered = new ArrayList<>();
    sources.forEach(s -> ordered.add(outcomes.get(s.id())));
    recordRun(runId, started, ordered);
    return ordered;
  }

  private Map<String, SourceOutcome> ingest(String runId, Map<String, SourceFiles.Resolved> toIngest) {
    List<FileTask> tasks = new ArrayList<>();
    for (SourceFiles.Resolved r : toIngest.values()) {
      r.files().forEach(f -> tasks.add(new FileTask(r.source(), f)));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lake.spark().sparkContext());
    int limit = maxRecordChars;
    JavaRDD<Row> rows = jsc.parallelize(tasks, tasks.size()).flatMap(task -> parse(task, limit));
    Dataset<Row> items = lake.spark().createDataFrame(rows, IngestItems.SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, String> failures = new HashMap<>();
      Map<String, Double> seconds = new HashMap<>();
      for (Row r : items.filter(col("kind").isin(IngestItems.FAILURE, IngestItems.FILE))
          .select("kind", "source_id", "reason", "seconds").collectAsList()) {
        if (IngestItems.FAILURE.equals(r.getString(0))) {
          failures.merge(r.getString(1), r.getString(2), (a, b) -> a + "; " + b);
        } else {
          seconds.merge(r.getString(1), r.getDouble(3), Double::sum);
        }
      }
      List<String> ok = toIngest.keySet().stream().filter(id -> !failures.containsKey(id)).toList();
      Map<String, SourceOutcome> outcomes = new LinkedHashMap<>();
      failures.forEach((id, message) -> outcomes.put(id, failed(id, toIngest.get(id).sha256(), message)));
      if (!ok.isEmpty()) {
        Map<String, long[]> counts = counts(items, ok);
        write(runId, items, ok, toIngest);
        for (String id : ok) {
          long[] c = counts.getOrDefault(id, new long[4]);
          outcomes.put(id, new SourceOutcome(id, SourceOutcome.OK, c[0], c[1], c[0] - c[1], c[2], c[3],
              toIngest.get(id).sha256(), null, seconds.getOrDefault(id, 0.0)));
        }
      }
      return outcomes;
    } finally {
      items.unpersist();
    }
  }

  /** Per source: records read, records accepted, observations (or element values) written, values rejected. */
  private static Map<String, long[]> counts(Dataset<Row> items, List<String> ok) {
    Column isRecord = col("kind").equalTo(IngestItems.RECORD);
    List<Row> rows = items.filter(col("source_id").isin(ok.toArray()))
        .groupBy("source_id")
        .agg(sum(when(isRecord, 1L).otherwise(0L)),
            sum(when(isRecord.and(col("accepted")), 1L).otherwise(0L)),
            sum(when(col("kind").isin(IngestItems.OBSERVATION, IngestItems.ELEMENT_VALUE), 1L).otherwise(0L)),
            sum(when(col("kind").equalTo(IngestItems.REJECT).and(col("field").isNotNull()), 1L).otherwise(0L)))
        .collectAsList();
    Map<String, long[]> out = new HashMap<>();
    for (Row r : rows) {
      out.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)});
    }
    return out;
  }

  private void write(String runId, Dataset<Row> items, List<String> ok, Map<String, SourceFiles.Resolved> toIngest) {
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
    lake.overwrite(LakeTable.OBSERVATIONS, observations, mine);
    lake.overwrite(LakeTable.ELEMENT_PROPERTIES, elementValues, mine);
    lake.overwrite(LakeTable.REJECTS, rejects, mine);
    List<Row> catalogRows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (String id : ok) {
      catalogRows.add(catalogRow(toIngest.get(id), runId, now));
    }
    Dataset<Row> catalog = lake.spark().createDataFrame(catalogRows, lake.read(LakeTable.SOURCES).schema());
    lake.overwrite(LakeTable.SOURCES, catalog, mine);
  }

  private static Row catalogRow(SourceFiles.Resolved resolved, String runId, Timestamp now) {
    SourceDefinition s = resolved.source();
    return RowFactory.create(s.id(), s.title(), s.kind().name().toLowerCase().replace('_', '-'), s.format(),
        scalaSeq(s.files()), scala.jdk.javaapi.CollectionConverters.asScala(resolved.fileSha256()),
        resolved.sha256(), s.sha256(), s.definitionSha256(), s.origin().urls().isEmpty() ? null : String.join(" ", s.origin().urls()), s.origin().repository(),
        s.origin().commit(), s.origin().path(), s.licence(), s.citation(), scalaSeq(s.flags()), scalaSeq(s.contexts()),
        runId, now);
  }

  private static scala.collection.immutable.Seq<String> scalaSeq(List<String> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
  }

  /** source id → {sha256, definition sha256, ingest run id} of the last successful ingest. */
  private Map<String, String[]> previousChecksums() {
    Map<String, String[]> out = new HashMap<>();
    for (Row r : lake.read(LakeTable.SOURCES).select("source_id", "sha256", "definition_sha256", "ingest_run_id")
        .collectAsList()) {
      out.put(r.getString(0), new String[] {r.getString(1), r.getString(2), r.getString(3)});
    }
    return out;
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
    lake.append(LakeTable.INGEST_RUNS, lake.spark().createDataFrame(rows, lake.read(LakeTable.INGEST_RUNS).schema()));
  }

  private static SourceOutcome failed(String id, String sha256, String message) {
    return new SourceOutcome(id, SourceOutcome.FAILED, 0, 0, 0, 0, 0, sha256, message, 0);
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
