package org.transferlake.train.experiment;

import java.io.Serializable;

/** A context named by its three columns: {@code property/fidelity/source_id}. */
public record ContextRef(String property, String fidelity, String sourceId) implements Serializable {
  public static ContextRef parse(String id) {
    String[] parts = id.split("/", -1);
    if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
      throw new IllegalArgumentException("'" + id + "' is not a context: expected property/fidelity/source_id");
    }
    return new ContextRef(parts[0], parts[1], parts[2]);
  }

  public String id() {
    return property + "/" + fidelity + "/" + sourceId;
  }

  @Override
  public String toString() {
    return id();
  }
}
