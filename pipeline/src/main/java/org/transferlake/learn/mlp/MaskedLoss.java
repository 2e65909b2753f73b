package org.transferlake.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The multi-task loss: for each label, the mean over the rows where it is present of the squared error of the
 * standardised value (regression) or of the softmax cross-entropy (classification), times the label's weight,
 * summed over labels. A missing label contributes nothing, not even to the mean's denominator, so a scarce
 * label's head is trained on its own rows at full strength.
 */
final class MaskedLoss extends Loss {
  private final Outputs outputs;

  MaskedLoss(Outputs outputs) {
    super("masked_multi_task");
    this.outputs = outputs;
  }

  /** {@code labels}: targets [rows, width] and mask [rows, labels]; {@code predictions}: outputs [rows, width]. */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray output = predictions.singletonOrThrow();
    NDArray target = labels.get(0);
    NDArray mask = labels.get(1);
    NDArray total = null;
    for (int j = 0; j < outputs.count(); j++) {
      int from = outputs.offset(j);
      int to = from + outputs.label(j).width();
      NDArray perRow;
      if (outputs.label(j).isClassification()) {
        String columns = ":, " + from + ":" + to;
        perRow = output.get(columns).logSoftmax(1).mul(target.get(columns)).sum(new int[] {1}).neg();
      } else {
        perRow = output.get(":, " + from).sub(target.get(":, " + from)).square();
      }
      NDArray present = mask.get(":, " + j);
      NDArray term = perRow.mul(present).sum().div(present.sum().maximum(1f)).mul((float) outputs.label(j).weight());
      total = total == null ? term : total.add(term);
    }
    return total;
  }
}
