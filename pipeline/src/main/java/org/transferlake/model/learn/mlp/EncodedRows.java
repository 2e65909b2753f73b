package org.transferlake.model.learn.mlp;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.transferlake.model.learn.TrainingSet;

/**
 * The labelled training rows as the network sees them, in float: standardised features; per output column the
 * standardised regression target or the one-hot class (0 where the label is missing); and per output column a
 * mask, 1 where its label is present.
 */
final class EncodedRows {
  final int rows;
  private final int features;
  private final int width;
  private final float[] x;
  private final float[] target;
  private final float[] mask;

  private EncodedRows(int rows, int features, int width, float[] x, float[] target, float[] mask) {
    this.rows = rows;
    this.features = features;
    this.width = width;
    this.x = x;
    this.target = target;
    this.mask = mask;
  }

  /** Rows without any label are left out: they would contribute nothing to the loss. */
  static EncodedRows encode(TrainingSet data, Standardizer inputs, Standardizer targets, Outputs outputs) {
    int p = data.features();
    int labelCount = outputs.count();
    int kept = 0;
    int[] keep = new int[data.rows()];
    for (int i = 0; i < data.rows(); i++) {
      for (int j = 0; j < labelCount; j++) {
        if (!Double.isNaN(data.y(i, j))) {
          keep[kept++] = i;
          break;
        }
      }
    }
    float[] x = new float[kept * p];
    float[] target = new float[kept * outputs.width()];
    float[] mask = new float[kept * outputs.width()];
    for (int r = 0; r < kept; r++) {
      int i = keep[r];
      for (int f = 0; f < p; f++) {
        x[r * p + f] = (float) inputs.standardizeInput(f, data.x(i, f));
      }
      for (int j = 0; j < labelCount; j++) {
        double v = data.y(i, j);
        if (Double.isNaN(v)) {
          continue;
        }
        int column = r * outputs.width() + outputs.offset(j);
        Arrays.fill(mask, column, column + outputs.label(j).width(), 1);
        if (outputs.label(j).isClassification()) {
          target[column + (int) v] = 1;
        } else {
          target[column] = (float) targets.standardize(j, v);
        }
      }
    }
    return new EncodedRows(kept, p, outputs.width(), x, target, mask);
  }

  /**
   * The rows {@code order} in batches of {@code size} rows (the last one shorter), uploaded at once: per batch
   * views of its features [rows, features], targets [rows, width] and entry weights in {@code loss} (see
   * {@link MaskedLoss#weigh}).
   */
  List<NDList> batches(NDManager manager, int[] order, int size, MaskedLoss loss) {
    float[] weights = gather(mask, width, order);
    long[] cuts = new long[(order.length - 1) / size];
    for (int from = 0, b = 0; from < order.length; from += size, b++) {
      loss.weigh(weights, from, Math.min(order.length, from + size));
      if (b < cuts.length) {
        cuts[b] = from + size;
      }
    }
    NDList x = manager.create(gather(this.x, features, order), new Shape(order.length, features)).split(cuts);
    NDList t = manager.create(gather(target, width, order), new Shape(order.length, width)).split(cuts);
    NDList w = manager.create(weights, new Shape(order.length, width)).split(cuts);
    List<NDList> batches = new ArrayList<>(x.size());
    for (int b = 0; b < x.size(); b++) {
      batches.add(new NDList(x.get(b), t.get(b), w.get(b)));
    }
    return batches;
  }

  private static float[] gather(float[] source, int stride, int[] order) {
    float[] out = new float[order.length * stride];
    for (int r = 0; r < order.length; r++) {
      System.arraycopy(source, order[r] * stride, out, r * stride, stride);
    }
    return out;
  }
}
