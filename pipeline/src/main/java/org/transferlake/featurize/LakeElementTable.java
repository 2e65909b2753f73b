package org.transferlake.featurize;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * An element table as the lake holds it: the rows of one element-table source in
 * {@code curated.element_properties}, and that source's checksum in {@code curated.sources}.
 *
 * @param sha256 the source's {@code curated.sources.sha256}: changes whenever its file does
 */
public record LakeElementTable(String sourceId, ElementTable table, String sha256) {

  /**
   * The element table {@code preset} reads ({@link FeaturizerPresets#elementProperties}), or null when it reads
   * none. A combination's is its parts' tables side by side; its source id and checksum are the parts' joined by
   * {@code +}.
   *
   * @param magpieSource the source the Magpie presets read ({@code transferlake.featurize.element-source})
   * @throws IllegalStateException naming a source that has not been ingested
   */
  public static LakeElementTable forPreset(Lake lake, String preset, String magpieSource) {
    if (FeaturizerPresets.elementProperties(preset).isEmpty()) {
      return null;
    }
    if (!PresetCombination.isCombination(preset)) {
      return read(lake, FeaturizerPresets.elementSource(preset, magpieSource),
          FeaturizerPresets.elementProperties(preset));
    }
    List<String> parts = new ArrayList<>();
    List<LakeElementTable> tables = new ArrayList<>();
    for (String part : PresetCombination.parts(preset)) {
      LakeElementTable table = forPreset(lake, part, magpieSource);
      if (table != null) {
        parts.add(part);
        tables.add(table);
      }
    }
    return new LakeElementTable(String.join(PresetCombination.JOIN, tables.stream().map(LakeElementTable::sourceId)
        .toList()), ElementTable.sideBySide(parts, tables.stream().map(LakeElementTable::table).toList()),
        String.join(PresetCombination.JOIN, tables.stream().map(LakeElementTable::sha256).toList()));
  }

  /**
   * Reads {@code properties} of source {@code sourceId}.
   *
   * @throws IllegalStateException naming the source when it has not been ingested
   */
  public static LakeElementTable read(Lake lake, String sourceId, List<String> properties) {
    List<Row> source = lake.read(LakeTable.SOURCES).where(col("source_id").equalTo(sourceId))
        .select("sha256", "kind").collectAsList();
    if (source.isEmpty()) {
      throw new IllegalStateException("element table source '" + sourceId + "' is not in "
          + lake.name(LakeTable.SOURCES) + ": ingest source " + sourceId + " first");
    }
    if (!"element-table".equals(source.get(0).getString(1))) {
      throw new IllegalStateException("source '" + sourceId + "' is of kind " + source.get(0).getString(1)
          + ", not element-table (transferlake.featurize.element-source)");
    }
    List<ElementValue> values = new ArrayList<>();
    // a few thousand rows at most: one per element and property
    for (Row r : lake.read(LakeTable.ELEMENT_PROPERTIES)
        .where(col("source_id").equalTo(sourceId).and(col("property").isin(properties.toArray())))
        .select("element", "property", "value").collectAsList()) {
      values.add(new ElementValue(r.getString(0), r.getString(1), r.getDouble(2)));
    }
    return new LakeElementTable(sourceId, ElementTable.fromRows(properties, values), source.get(0).getString(0));
  }
}
