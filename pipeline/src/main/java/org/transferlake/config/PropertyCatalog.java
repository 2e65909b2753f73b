package org.transferlake.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The properties the lake knows ({@code transferlake.properties}): canonical unit and range, or classes. */
public final class PropertyCatalog implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One property: numeric with a canonical unit and plausible range, or a label with a closed set of classes. */
  public record Property(String name, boolean numeric, String unit, double min, double max, List<String> labels)
      implements Serializable {}

  private final Map<String, Property> byName;

  private PropertyCatalog(Map<String, Property> byName) {
    this.byName = byName;
  }

  static PropertyCatalog from(Config config) {
    Map<String, Property> byName = new TreeMap<>();
    Config section = config.getConfig("transferlake.properties");
    for (String name : section.root().keySet()) {
      String key = "transferlake.properties." + name;
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw new SettingsException(key + ": property names are lower snake case");
      }
      Config p = section.getConfig(name);
      try {
        String kind = p.getString("kind");
        switch (kind) {
          case "number" -> {
            double min = p.hasPath("min") ? p.getDouble("min") : Double.NEGATIVE_INFINITY;
            double max = p.hasPath("max") ? p.getDouble("max") : Double.POSITIVE_INFINITY;
            if (!(min <= max)) {
              throw new SettingsException(key + ": min " + min + " is above max " + max);
            }
            byName.put(name, new Property(name, true, p.getString("unit"), min, max, List.of()));
          }
          case "label" -> byName.put(name, new Property(name, false, null, Double.NaN, Double.NaN,
              p.hasPath("labels") ? List.copyOf(p.getStringList("labels")) : List.of()));
          default -> throw new SettingsException(key + ".kind = \"" + kind + "\": expected number or label");
        }
      } catch (ConfigException e) {
        throw new SettingsException(key + ": " + e.getMessage(), e);
      }
    }
    return new PropertyCatalog(byName);
  }

  public Property get(String name) {
    Property p = byName.get(name);
    if (p == null) {
      throw new SettingsException("property '" + name + "' is not declared under transferlake.properties (known: "
          + String.join(", ", byName.keySet()) + ")");
    }
    return p;
  }
}
