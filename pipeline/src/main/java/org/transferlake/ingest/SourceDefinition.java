package org.transferlake.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of the source catalog ({@code conf/sources/<id>.conf}): where the files are, where they came
 * from, and how their records map to observations or element properties.
 *
 * @param propertyUnits element tables: unit per column, as the source spells the column
 * @param renamedColumns element tables: property name per column where it differs from the column's
 * @param definitionSha256 SHA-256 of the definition itself: a changed mapping re-ingests an unchanged file
 */
public record SourceDefinition(
    String id,
    String title,
    Kind kind,
    String format,
    List<String> files,
    String encoding,
    String sha256,
    Origin origin,
    String licence,
    String citation,
    List<String> flags,
    Set<String> missingValues,
    String formulaColumn,
    String idColumn,
    List<String> conditionColumns,
    List<ValueMapping> values,
    String elementColumn,
    Set<String> ignoredColumns,
    Map<String, String> propertyUnits,
    Map<String, String> renamedColumns,
    String definitionFile,
    String definitionSha256) implements Serializable {

  /** What a source holds. */
  public enum Kind { OBSERVATIONS, ELEMENT_TABLE }

  /** The public place a file came from. */
  public record Origin(String url, String repository, String commit, String path) implements Serializable {}

  /**
   * How one column becomes an observation of one context.
   *
   * @param factor multiplies the raw number into the property's canonical unit
   * @param labels raw value to class, for label properties (empty for numbers)
   */
  public record ValueMapping(String column, String property, String fidelity, String unit, double factor,
      double min, double max, Map<String, String> labels) implements Serializable {
    public boolean numeric() {
      return labels.isEmpty();
    }
  }
}
