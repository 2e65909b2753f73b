package org.transferlake.model.transfer;

import java.util.function.UnaryOperator;

/**
 * A way of wrapping any architecture, registered once: {@code prefix + name} stands for the wrapped architecture
 * {@code name} (two_stage_difference, say).
 */
public record ArchitectureWrapper(String prefix, String doc, UnaryOperator<ArchitectureComponent> wrap) {
  public ArchitectureComponent around(ArchitectureComponent inner) {
    return wrap.apply(inner);
  }
}
