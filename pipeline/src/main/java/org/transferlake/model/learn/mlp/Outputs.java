package org.transferlake.model.learn.mlp;

import java.util.List;
import org.transferlake.model.learn.Label;

/**
 * Where each label's head sits in the network's output: a regression label has one column (its standardised
 * value), a classification label one logit per class; heads are concatenated in label order.
 */
final class Outputs {
  private final List<Label> labels;
  private final int[] offsets;
  private final int width;

  Outputs(List<Label> labels) {
    this.labels = List.copyOf(labels);
    offsets = new int[labels.size()];
    int next = 0;
    for (int j = 0; j < labels.size(); j++) {
      offsets[j] = next;
      next += labels.get(j).width();
    }
    width = next;
  }

  List<Label> labels() {
    return labels;
  }

  int count() {
    return labels.size();
  }

  Label label(int j) {
    return labels.get(j);
  }

  int offset(int j) {
    return offsets[j];
  }

  /** Output columns of all heads together. */
  int width() {
    return width;
  }

  List<Integer> headWidths() {
    return labels.stream().map(Label::width).toList();
  }
}
