package org.transferlake.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Flattens a Citrine PIF system into named fields, so that the catalog maps it like a CSV row: the system's
 * scalar fields by name ({@code chemicalFormula}), each property's value by the property's name
 * ({@code Band gap}), and its details under that name: {@code Band gap.units}, {@code Band gap.dataType},
 * {@code Band gap.method}, {@code Band gap.conditions.Temperature} (a condition's value with its units,
 * {@code 300 K}).
 */
final class PifFlattener {
  /**
   * A system's fields, and the property names it holds more than once: their values are joined with "; ",
   * their details are the first one's.
   */
  record Flat(Map<String, String> fields, Set<String> repeated) {}

  private PifFlattener() {}

  static Flat flatten(JsonNode system) {
    Map<String, String> fields = new LinkedHashMap<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> e : system.properties()) {
      if (e.getValue().isValueNode()) {
        fields.put(e.getKey(), Json.text(e.getValue()));
      }
    }
    for (JsonNode property : system.path("properties")) {
      String name = Json.text(property.get("name"));
      if (name == null) {
        continue;
      }
      if (fields.containsKey(name)) {
        repeated.add(name);
        String again = scalar(property.get("scalars"));
        if (again != null) {
          fields.merge(name, again, (a, b) -> a + "; " + b); // Phase: A; Orthorhombic
        }
        continue;
      }
      fields.put(name, scalar(property.get("scalars")));
      put(fields, name + ".units", Json.text(property.get("units")));
      put(fields, name + ".dataType", Json.text(property.get("dataType")));
      JsonNode method = property.get("method");
      put(fields, name + ".method", method != null && method.isObject() ? Json.text(method.get("name")) : Json.text(method));
      for (JsonNode condition : property.path("conditions")) {
        String conditionName = Json.text(condition.get("name"));
        String value = scalar(condition.get("scalars"));
        String units = Json.text(condition.get("units"));
        if (conditionName != null && value != null) {
          put(fields, name + ".conditions." + conditionName, units == null ? value : value + " " + units);
        }
      }
    }
    return new Flat(fields, repeated);
  }

  /** A PIF scalar list of one ({@code [{"value": "13.6"}]}) as its value; several values as their JSON. */
  private static String scalar(JsonNode scalars) {
    if (scalars == null || scalars.isNull()) {
      return null;
    }
    JsonNode one = scalars.isArray() && scalars.size() == 1 ? scalars.get(0) : scalars;
    if (one.isObject() && one.has("value")) {
      return Json.text(one.get("value"));
    }
    return Json.text(one);
  }

  private static void put(Map<String, String> fields, String name, String value) {
    if (value != null) {
      fields.putIfAbsent(name, value);
    }
  }
}
