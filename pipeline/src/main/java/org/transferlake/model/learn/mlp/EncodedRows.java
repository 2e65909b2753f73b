package org.transferlake.model.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
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

  /** Features of {@code order[from..to)}: [rows, features]. */
  NDArray features(NDManager manager, int[] order, int from, int to) {
    return manager.create(gather(x, features, order, from, to), new Shape(to - from, features));
  }

  /** Targets and mask, both [rows, width], of {@code order[from..to)}. */
  NDList targets(NDManager manager, int[] order, int from, int to) {
    return new NDList(
        manager.create(gather(target, width, order, from, to), new Shape(to - from, width)),
        manager.create(gather(mask, width, order, from, to), new Shape(to - from, width)));
  }

  private static float[] gather(float[] source, int stride, int[] order, int from, int to) {
    float[] out = new float[(to - from) * stride];
    for (int r = from; r < to; r++) {
      System.arraycopy(source, order[r] * stride, out, (r - from) * stride, stride);
    }
    return out;
  }
}
