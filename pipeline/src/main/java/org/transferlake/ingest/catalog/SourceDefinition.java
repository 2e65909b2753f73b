package org.transferlake.ingest.catalog;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transferlake.lineage.Link;

/**
 * One entry of the source catalog ({@code conf/sources/<id>.conf}): where the files are, where they came
 * from, and how their records map to observations or element properties.
 *
 * @param formulaById the source whose records' ids give this source's formulas (null: the formula is a column)
 * @param conditionColumns condition name → column, kept on every observation of a record
 * @param propertyUnits element tables: unit per column, as the source spells the column
 * @param renamedColumns element tables: property name per column where it differs from the column's
 * @param numberedColumns element tables: a {@link String#format} pattern naming columns whose names are
 *     integers ({@code mat2vec_%03d}), or null
 * @param lineage links from this source's contexts to other contexts of the catalog
 * @param definitionSha256 SHA-256 of the definition itself: a changed mapping re-ingests an unchanged file
 * @param workspace defined in the user's workspace: its files may be anywhere (absolute, or relative to the
 *     definition file), and licence and citation may be left out
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
    String formulaById,
    Map<String, String> conditionColumns,
    List<ValueMapping> values,
    String elementColumn,
    Set<String> ignoredColumns,
    Map<String, String> propertyUnits,
    Map<String, String> renamedColumns,
    String numberedColumns,
    List<Link> lineage,
    String definitionFile,
    String definitionSha256,
    boolean workspace) implements Serializable {

  /** What a workspace source without a licence or a citation shows for it. */
  public static final String NOT_GIVEN = "not given";

  /** What a source holds. */
  public enum Kind { OBSERVATIONS, ELEMENT_TABLE }

  /**
   * The public place the files came from.
   *
   * @param urls one download URL per file, in the order of {@code files} (empty when none is declared)
   */
  public record Origin(List<String> urls, String repository, String commit, String path) implements Serializable {}

  /**
   * How one column becomes an observation of one context.
   *
   * @param unit the property's canonical unit, in which the lake stores the value (null for labels)
   * @param factor multiplies the raw number into the property's canonical unit
   * @param labels raw value to class, for label properties; empty for numbers and for open label properties
   *     (whose raw values are the classes)
   * @param conditionColumns condition name → column, kept on this value's observation only
   * @param unitColumn a column giving the value's unit (overrides {@code unit} where it is filled), or null
   * @param require column → the values it must hold for this value to be used
   * @param refusal a reason that refuses every value of this column (the catalog knows it cannot be used), or null
   * @param declaredUnit the unit the catalog declares for the column (null for labels)
   */
  public record ValueMapping(String column, String property, String fidelity, boolean numeric, String unit,
      String declaredUnit, double factor, double min, double max, Map<String, String> labels,
      Map<String, String> conditionColumns, String unitColumn, Map<String, Set<String>> require, Refusal refusal)
      implements Serializable {

    /** {@code property/fidelity/source_id}. */
    public String context(String sourceId) {
      return property + "/" + fidelity + "/" + sourceId;
    }
  }

  /** A refusal the catalog declares, with its reason code. */
  public record Refusal(String code, String reason) implements Serializable {}

  /** The contexts this source yields, in catalog order. */
  public List<String> contexts() {
    Set<String> out = new LinkedHashSet<>();
    values.forEach(v -> out.add(v.context(id)));
    return List.copyOf(out);
  }
}
