package org.transferlake.model.learn;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Hyperparameters as text: the {@code params} column of the results and models tables. */
public final class ParamsText {
  private ParamsText() {}

  /** {@code k=v,k=v}, sorted by key. */
  public static String of(Map<String, String> params) {
    StringJoiner text = new StringJoiner(",");
    new TreeMap<>(params).forEach((k, v) -> text.add(k + "=" + v));
    return text.toString();
  }
}
