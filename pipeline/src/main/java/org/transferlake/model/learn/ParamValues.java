package org.transferlake.model.learn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A learner's hyperparameters read from their text: each checked by its {@link Param}, absent ones at default. */
public final class ParamValues {
  private final Map<String, Object> values = new LinkedHashMap<>();

  /**
   * @throws Param.Invalid naming the parameter, for an unknown name or a value its param refuses
   */
  public ParamValues(List<Param<?>> params, Map<String, String> text) {
    Map<String, Param<?>> byName = new LinkedHashMap<>();
    params.forEach(p -> byName.put(p.name(), p));
    for (Map.Entry<String, String> e : text.entrySet()) {
      Param<?> p = byName.get(e.getKey());
      if (p == null) {
        String known = "(known: " + String.join(", ", new TreeSet<>(byName.keySet())) + ")";
        throw new Param.Invalid(e.getKey(), "unknown hyperparameter " + known,
            "unknown hyperparameter '" + e.getKey() + "' " + known);
      }
      values.put(p.name(), p.read(e.getValue()));
    }
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Param<T> param) {
    return values.containsKey(param.name()) ? (T) values.get(param.name()) : param.fallback();
  }
}
