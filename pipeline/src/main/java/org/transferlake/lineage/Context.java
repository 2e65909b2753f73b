package org.transferlake.lineage;

/** A context, {@code property/fidelity/source_id}: where a value comes from and how it was obtained. */
public record Context(String property, String fidelity, String sourceId) {

  /** Reads {@code band_gap/pbe/oqmd_gap}; anything else is refused naming the form expected. */
  public static Context parse(String id) {
    String[] parts = id.split("/", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new IllegalArgumentException("context '" + id + "' is not property/fidelity/source_id");
    }
    return new Context(parts[0], parts[1], parts[2]);
  }

  @Override
  public String toString() {
    return property + "/" + fidelity + "/" + sourceId;
  }
}
