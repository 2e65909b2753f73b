package org.transferlake.lineage;

import java.io.Serializable;

/**
 * A link between two contexts that hold the same or derived values ({@code property/fidelity/source_id}).
 *
 * @param relation {@link #SAME_AS} or {@link #DERIVED_FROM}
 * @param note why the link holds, for a reader
 */
public record Link(String context, String relation, String otherContext, String note) implements Serializable {
  /** The two contexts hold the same values (or nearly: the note says). */
  public static final String SAME_AS = "same_as";
  /** {@code context}'s values were made from {@code otherContext}'s (a subset, a threshold, a deduplication). */
  public static final String DERIVED_FROM = "derived_from";

  @Override
  public String toString() {
    return context + " " + relation + " " + otherContext + (note == null ? "" : " (" + note + ")");
  }
}
