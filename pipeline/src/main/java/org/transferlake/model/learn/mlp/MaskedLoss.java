package org.transferlake.model.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;
import java.util.Arrays;

/**
 * The multi-task loss: for each label, the mean over the rows where it is present of the squared error of the
 * standardised value (regression) or of the softmax cross-entropy (classification), times the label's weight,
 * summed over labels. A missing label contributes nothing, not even to the mean's denominator, so a scarce
 * label's head is trained on its own rows at full strength.
 */
final class MaskedLoss extends Loss {
  private final Outputs outputs;
  /** The weight of each output column's label. */
  private final float[] columnWeights;
  /** Each label's output columns, parsed once: DJL parses an index string on every call. */
  private final NDIndex[] heads;
  private final boolean anyClassification;

  MaskedLoss(Outputs outputs) {
    super("masked_multi_task");
    this.outputs = outputs;
    columnWeights = new float[outputs.width()];
    heads = new NDIndex[outputs.count()];
    boolean classification = false;
    for (int j = 0; j < outputs.count(); j++) {
      int from = outputs.offset(j);
      int to = from + outputs.label(j).width();
      Arrays.fill(columnWeights, from, to, (float) outputs.label(j).weight());
      heads[j] = new NDIndex(":, {}:{}", from, to);
      classification |= outputs.label(j).isClassification();
    }
    anyClassification = classification;
  }

  /**
   * Turns the mask of a batch's rows {@code from..to} ([rows, width], row after row, 1 where the label is present)
   * into each entry's weight in the loss, in place: its label's weight over the batch's rows where its column is
   * present, 0 where absent. Computed once per batch in Java, so each step's loss takes four native operations.
   */
  void weigh(float[] mask, int from, int to) {
    int width = columnWeights.length;
    for (int c = 0; c < width; c++) {
      float present = 0;
      for (int r = from; r < to; r++) {
        present += mask[r * width + c];
      }
      float weight = columnWeights[c] / Math.max(present, 1f);
      for (int r = from; r < to; r++) {
        mask[r * width + c] *= weight;
      }
    }
  }

  /**
   * {@code labels}: targets and entry weights ({@link #weigh}), both [rows, width] (see {@link EncodedRows});
   * {@code predictions}: outputs [rows, width]. Per output column the loss of each row is weighted and summed, so
   * a classification head's columns add up to the mean cross-entropy.
   */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray output = predictions.singletonOrThrow();
    NDArray target = labels.get(0);
    NDArray perEntry = anyClassification ? perEntryByHead(output, target) : output.sub(target).square();
    return perEntry.mul(labels.get(1)).sum();
  }

  private NDArray perEntryByHead(NDArray output, NDArray target) {
    NDList pieces = new NDList(heads.length);
    for (int j = 0; j < heads.length; j++) {
      NDArray head = output.get(heads[j]);
      NDArray expected = target.get(heads[j]);
      pieces.add(outputs.label(j).isClassification() ? head.logSoftmax(1).mul(expected).neg()
          : head.sub(expected).square());
    }
    return pieces.size() == 1 ? pieces.head() : NDArrays.concat(pieces, 1);
  }
}
