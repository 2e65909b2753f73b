package org.transferlake.train.experiment;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.transferlake.config.SettingsException;

/**
 * Reads a source's {@code context}: one context {@code "property/fidelity/source_id"}, or a chain, a list of two or
 * more distinct contexts of one property in order of preference.
 */
final class SourceChainKey {
  private static final String EXAMPLE = "[\"band_gap/pbe/matbench_mp_gap\", \"band_gap/pbe/oqmd_gap\"]";

  private SourceChainKey() {}

  /**
   * The source's links: one for a string, the chain's in order for a list.
   *
   * @param error builds the error for a key and a reason, naming the file
   * @param key the key's path, {@code sources[0].context}
   * @throws SettingsException on a missing or malformed context, or a chain that is empty, of one link, repeats a
   *     link or mixes properties
   */
  static List<ContextRef> links(BiFunction<String, String, SettingsException> error, String key, ConfigValue value) {
    if (value != null && value.valueType() == ConfigValueType.STRING) {
      return List.of(parse(error, key, value));
    }
    if (value == null || value.valueType() != ConfigValueType.LIST) {
      throw error.apply(key, "expected a context \"property/fidelity/source_id\", or a chain of contexts of one"
          + " property, first preferred: " + EXAMPLE);
    }
    ConfigList list = (ConfigList) value;
    if (list.size() < 2) {
      throw error.apply(key, (list.isEmpty() ? "an empty chain names no context" : "a chain of one link")
          + "; write one context as a string, \"property/fidelity/source_id\", or list two or more: " + EXAMPLE);
    }
    List<ContextRef> links = new ArrayList<>();
    for (int j = 0; j < list.size(); j++) {
      String at = key + "[" + j + "]";
      ContextRef link = parse(error, at, list.get(j));
      if (links.contains(link)) {
        throw error.apply(at, link + " is already link " + links.indexOf(link) + " of the chain; a link is listed"
            + " once: remove the repeat");
      }
      if (!links.isEmpty() && !link.property().equals(links.get(0).property())) {
        throw error.apply(at, link + " is a " + link.property() + " context but the chain's first link, "
            + links.get(0) + ", is " + links.get(0).property() + "; a chain's links are of one property: use a"
            + " separate source for another property");
      }
      links.add(link);
    }
    return links;
  }

  private static ContextRef parse(BiFunction<String, String, SettingsException> error, String key, ConfigValue value) {
    if (value.valueType() != ConfigValueType.STRING) {
      throw error.apply(key, "expected a context \"property/fidelity/source_id\", in quotes");
    }
    try {
      return ContextRef.parse((String) value.unwrapped());
    } catch (IllegalArgumentException e) {
      throw error.apply(key, e.getMessage());
    }
  }
}
