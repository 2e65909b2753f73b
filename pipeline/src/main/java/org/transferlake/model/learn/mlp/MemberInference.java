package org.transferlake.model.learn.mlp;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Runs one saved member on standardised inputs. The network is rebuilt from its parameters for each call and
 * closed after it, so a trained model holds no native memory between calls and several threads may predict
 * at once, also while another thread trains: inference needs no gradient collector and no random numbers.
 */
final class MemberInference {
  /** Rows per forward pass: bounds native memory for large inputs. */
  private static final int CHUNK = 8192;

  private MemberInference() {}

  /** Network outputs for {@code rows} rows of {@code inputs} (row after row), row after row. */
  static float[] outputs(Network network, byte[] parameters, float[] inputs, int rows) {
    int width = network.heads().stream().mapToInt(Integer::intValue).sum();
    float[] out = new float[rows * width];
    try (Model model = DjlRuntime.newModel(network.build())) {
      // Loading sets the parameters and input shapes, so forward() does not initialise (nor draw random numbers).
      model.getBlock().loadParameters(model.getNDManager(),
          new DataInputStream(new ByteArrayInputStream(parameters)));
      ParameterStore store = new ParameterStore(model.getNDManager(), false);
      for (int from = 0; from < rows; from += CHUNK) {
        int n = Math.min(CHUNK, rows - from);
        float[] chunk = new float[n * network.inputs()];
        System.arraycopy(inputs, from * network.inputs(), chunk, 0, chunk.length);
        try (NDManager manager = model.getNDManager().newSubManager()) {
          NDList input = new NDList(manager.create(chunk, new Shape(n, network.inputs())));
          float[] values = model.getBlock().forward(store, input, false).singletonOrThrow().toFloatArray();
          System.arraycopy(values, 0, out, from * width, values.length);
        }
      }
    } catch (IOException | MalformedModelException e) {
      throw new IllegalStateException("cannot load the parameters of an mlp member", e);
    }
    return out;
  }
}
