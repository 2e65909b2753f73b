package org.transferlake.featurize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.Identifiable;
import org.transferlake.composition.Elements;

/**
 * A param holding an {@link ElementTable}, saved as JSON inside the stage's metadata, so that a saved
 * pipeline carries the very table it was built with and never reads the lake's (possibly newer) one.
 *
 * <p>JSON: {@code {"properties": ["Number", ...], "elements": {"H": [1.0, null, ...], ...}}}, one array per
 * element that has any value, {@code null} where the element lacks the property.
 */
public final class ElementTableParam extends Param<ElementTable> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  public ElementTableParam(Identifiable parent, String name, String doc) {
    super(parent, name, doc, table -> table != null && table.propertyCount() > 0);
  }

  @Override
  public String jsonEncode(ElementTable table) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode properties = root.putArray("properties");
    table.properties().forEach(properties::add);
    ObjectNode elements = root.putObject("elements");
    for (int z = 1; z <= Elements.count(); z++) {
      ArrayNode values = JSON.createArrayNode();
      boolean any = false;
      for (int p = 0; p < table.propertyCount(); p++) {
        double v = table.value(z, p);
        if (Double.isNaN(v)) {
          values.addNull();
        } else {
          values.add(v);
          any = true;
        }
      }
      if (any) {
        elements.set(Elements.symbol(z), values);
      }
    }
    return root.toString();
  }

  @Override
  public ElementTable jsonDecode(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("param " + name() + ": not JSON: " + e.getOriginalMessage(), e);
    }
    List<String> properties = new ArrayList<>();
    root.path("properties").forEach(p -> properties.add(p.asText()));
    List<ElementValue> rows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("elements").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> element = it.next();
      JsonNode values = element.getValue();
      if (values.size() != properties.size()) {
        throw new IllegalArgumentException("param " + name() + ": element " + element.getKey() + " has "
            + values.size() + " values for " + properties.size() + " properties");
      }
      for (int p = 0; p < properties.size(); p++) {
        if (!values.get(p).isNull()) {
          rows.add(new ElementValue(element.getKey(), properties.get(p), values.get(p).asDouble()));
        }
      }
    }
    return ElementTable.fromRows(properties, rows);
  }
}
