package org.transferlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.catalog.SourceFiles;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lineage.Link;
import scala.jdk.javaapi.CollectionConverters;

/** {@code curated.sources}, the catalog as last ingested: the state change detection reads, and its rows. */
final class SourcesTable {
  /** What the lake recorded for a source at its last successful ingest (its row). */
  record Previous(String sha256, String definitionSha256, String runId, Map<String, String> dependsOn, String kind) {}

  private SourcesTable() {}

  /** Per source: what its last successful ingest recorded. */
  static Map<String, Previous> previous(Lake lake) {
    Map<String, Previous> out = new HashMap<>();
    for (Row r : lake.read(LakeTable.SOURCES)
        .select("source_id", "sha256", "definition_sha256", "ingest_run_id", "depends_on", "kind").collectAsList()) {
      Map<String, String> dependsOn = r.isNullAt(4) ? Map.of() : Map.copyOf(r.getJavaMap(4));
      out.put(r.getString(0), new Previous(r.getString(1), r.getString(2), r.getString(3), dependsOn,
          r.getString(5)));
    }
    return out;
  }

  /**
   * Replaces the rows of these sources in one commit. The table is small and unpartitioned, and Iceberg can
   * only drop whole files by a filter, so the commit rewrites it whole: the other sources' rows as they are.
   */
  static void replace(Lake lake, List<SourceFiles.Resolved> sources, Map<String, Map<String, String>> dependsOn,
      String runId, Timestamp now) {
    Dataset<Row> fresh = rows(lake, sources, dependsOn, runId, now);
    Column ingested = col("source_id").isin(sources.stream().map(r -> r.source().id()).toArray());
    Dataset<Row> others = lake.read(LakeTable.SOURCES).filter(not(ingested)).select(fresh.columns()[0],
        java.util.Arrays.copyOfRange(fresh.columns(), 1, fresh.columns().length));
    Dataset<Row> kept = lake.spark().createDataFrame(others.collectAsList(), fresh.schema()); // read before the write
    lake.overwrite(LakeTable.SOURCES, kept.union(fresh).coalesce(1), lit(true));
  }

  /** One row per source, as ingested now. */
  private static Dataset<Row> rows(Lake lake, List<SourceFiles.Resolved> sources, Map<String, Map<String, String>> dependsOn,
      String runId, Timestamp now) {
    List<Row> rows = new ArrayList<>();
    for (SourceFiles.Resolved r : sources) {
      SourceDefinition s = r.source();
      List<Row> links = new ArrayList<>();
      for (Link l : s.lineage()) {
        links.add(RowFactory.create(l.context(), l.relation(), l.otherContext(), l.note()));
      }
      rows.add(RowFactory.create(s.id(), s.title(), kindName(s.kind()), s.format(),
          seq(s.files()), CollectionConverters.asScala(r.fileSha256()), r.sha256(), s.sha256(), s.definitionSha256(),
          s.origin().urls().isEmpty() ? null : String.join(" ", s.origin().urls()), s.origin().repository(),
          s.origin().commit(), s.origin().path(), s.licence(), s.citation(), seq(s.flags()), seq(s.contexts()),
          runId, now, CollectionConverters.asScala(dependsOn.getOrDefault(s.id(), Map.of())), seq(links)));
    }
    return lake.spark().createDataFrame(rows, LakeTable.SOURCES.schema());
  }

  /** The kind as the table spells it: observations, element-table. */
  static String kindName(SourceDefinition.Kind kind) {
    return kind.name().toLowerCase().replace('_', '-');
  }

  private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(list).toSeq();
  }
}
