package org.transferlake.featurize;

import java.util.ArrayList;
import java.util.List;
import org.transferlake.testing.SharedCsv;

/**
 * Magpie's elemental property tables from the shared data, in the long form of
 * {@code curated.element_properties}, as ingest would store them.
 */
public final class MagpieElementRows {
  static final String FILE = "data/magpie/magpie_elemental_properties.csv";

  private MagpieElementRows() {}

  /** One row per non-empty cell; Magpie's column {@code NValance} under matminer's name {@code NValence}. */
  public static List<ElementValue> read() {
    SharedCsv csv = SharedCsv.read(FILE);
    int element = csv.column("element");
    List<ElementValue> rows = new ArrayList<>();
    for (String[] cells : csv.rows()) {
      for (int c = 0; c < cells.length; c++) {
        String property = csv.header().get(c);
        if (c != element && !property.equals("Z") && !cells[c].isEmpty()) {
          String name = property.equals("NValance") ? "NValence" : property;
          rows.add(new ElementValue(cells[element], name, Double.parseDouble(cells[c])));
        }
      }
    }
    return rows;
  }
}
