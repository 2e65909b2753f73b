package org.transferlake.ingest.catalog;

import com.typesafe.config.ConfigUtil;
import java.io.File;
import java.util.List;
import org.transferlake.config.PropertyCatalog;

/** The text of a scaffolded source definition: one comment line per mapping, saying where it came from. */
final class SourceScaffoldText {
  private SourceScaffoldText() {}

  static String render(String id, String format, String file, File data, PropertyCatalog.Property property,
      String fidelity, ColumnMapping c) {
    StringBuilder t = new StringBuilder();
    t.append("# Written by source add from the header of ").append(data).append("; read at run time, edit freely.\n");
    t.append("# licence and citation are optional in a workspace: add them before the data is shared.\n");
    t.append("id = ").append(id).append('\n');
    t.append("title = ").append(q(property.name() + " (" + fidelity + ") from " + data.getName())).append('\n');
    t.append("format = ").append(format).append('\n');
    t.append("# the data file: relative to this file inside the workspace, else absolute\n");
    t.append("files = [").append(q(file)).append("]\n");
    t.append("record {\n");
    t.append("  # the formula: column '").append(c.formulaColumn()).append("' (").append(c.formulaFrom()).append(")\n");
    t.append("  formula = ").append(q(c.formulaColumn())).append('\n');
    if (c.idColumn() != null) {
      t.append("  # the record id: column '").append(c.idColumn()).append("' (its name)\n");
      t.append("  id = ").append(q(c.idColumn())).append('\n');
    }
    t.append("}\n");
    t.append("# the value: column '").append(c.valueColumn()).append("' (").append(c.valueFrom()).append(") as ")
        .append(property.name()).append('/').append(fidelity).append('/').append(id);
    if (c.unit() != null) {
      t.append(", in ").append(c.unit()).append(" (unit: ").append(c.unitFrom()).append(')');
    }
    t.append('\n');
    if (!c.classes().isEmpty()) {
      t.append("# ").append(property.name()).append("'s classes: map each raw value of the file to one (\"1\" = ")
          .append(c.classes().get(0)).append("); as written, only values spelt as the classes are read\n");
    }
    t.append("values = [\n  { column = ").append(q(c.valueColumn())).append(", property = ").append(property.name())
        .append(", fidelity = ").append(fidelity);
    if (c.unit() != null) {
      t.append(", unit = ").append(q(c.unit()));
    }
    if (!c.classes().isEmpty()) {
      t.append(", labels { ").append(String.join(", ", c.classes().stream().map(l -> q(l) + " = " + q(l)).toList()))
          .append(" }");
    }
    t.append(" }\n]\n");
    if (!c.unmapped().isEmpty()) {
      t.append("# not mapped: ").append(quoted(c.unmapped()))
          .append(" (map them by hand: record.conditions, or further values)\n");
    }
    return t.toString();
  }

  private static String q(String s) {
    return ConfigUtil.quoteString(s);
  }

  private static String quoted(List<String> columns) {
    return String.join(", ", columns.stream().map(c -> "'" + c + "'").toList());
  }
}
