package org.transferlake.featurize;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.lake.Lake;

/**
 * A preset's features as the lake holds them: the table {@code features.<preset>}, or for a combination
 * {@code a+b} the tables of its parts joined by composition key, each part's columns in turn (no table of its own:
 * nothing to featurize or keep in step twice).
 */
public final class PresetFeatures {
  /** Columns of a features table that are not features. */
  private static final Set<String> NOT_FEATURES = Set.of(FeatureTable.KEY, FeatureTable.VERSION,
      FeatureTable.ELEMENT_TABLE_SHA256, FeatureTable.RUN_ID, FeaturizeJob.MISSING);

  private PresetFeatures() {}

  /** The tables the preset's features come from, one per part. */
  public static List<FeatureTable> tables(Lake lake, String preset) {
    return FeaturizerPresets.parts(preset).stream().map(p -> new FeatureTable(lake, p)).toList();
  }

  /**
   * {@code composition_key} and the feature columns, in order: a key some part's table lacks has no row. Every
   * table must exist ({@link #tables}).
   */
  public static Dataset<Row> read(Lake lake, String preset) {
    List<String> parts = FeaturizerPresets.parts(preset);
    List<Dataset<Row>> frames = new ArrayList<>();
    List<List<String>> columns = new ArrayList<>();
    for (String part : parts) {
      Dataset<Row> frame = new FeatureTable(lake, part).read();
      frames.add(frame);
      columns.add(java.util.Arrays.stream(frame.columns()).filter(c -> !NOT_FEATURES.contains(c)).toList());
    }
    List<Map<String, String>> names = PresetCombination.renamed(parts, columns);
    Dataset<Row> joined = null;
    for (int i = 0; i < parts.size(); i++) {
      List<Column> select = new ArrayList<>(List.of(col(FeatureTable.KEY)));
      names.get(i).forEach((own, name) -> select.add(col(own).as(name)));
      Dataset<Row> part = frames.get(i).select(select.toArray(Column[]::new));
      joined = joined == null ? part : joined.join(part, FeatureTable.KEY);
    }
    return joined;
  }
}
