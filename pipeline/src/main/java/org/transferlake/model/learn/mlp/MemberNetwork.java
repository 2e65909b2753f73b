package org.transferlake.model.learn.mlp;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * One saved member loaded for prediction: its parameters in native memory until {@link #close}. Several threads
 * may run {@link #outputs} at once, also while another thread trains: each call works in its own sub-manager,
 * the parameters are only read, and inference needs no gradient collector and no random numbers.
 */
final class MemberNetwork implements AutoCloseable {
  /** Rows per forward pass: bounds native memory for large inputs. */
  private static final int CHUNK = 8192;

  private final Network network;
  private final NDManager manager;
  private final NDList parameters;

  private MemberNetwork(Network network, NDManager manager, NDList parameters) {
    this.network = network;
    this.manager = manager;
    this.parameters = parameters;
  }

  /** Loads {@code saved} ({@code Block.saveParameters} bytes of {@code network}'s block). */
  static MemberNetwork load(Network network, byte[] saved) {
    NDManager manager = DjlRuntime.newManager();
    try {
      Block block = network.build();
      block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(saved)));
      return new MemberNetwork(network, manager, new ParameterLayout(network).arrays(block));
    } catch (IOException | MalformedModelException | RuntimeException e) {
      manager.close();
      throw new IllegalStateException("cannot load the parameters of an mlp member", e);
    }
  }

  /** Network outputs for {@code rows} rows of standardised {@code inputs} (row after row), row after row. */
  float[] outputs(float[] inputs, int rows) {
    int width = network.heads().stream().mapToInt(Integer::intValue).sum();
    float[] out = new float[rows * width];
    for (int from = 0; from < rows; from += CHUNK) {
      int n = Math.min(CHUNK, rows - from);
      float[] chunk = new float[n * network.inputs()];
      System.arraycopy(inputs, from * network.inputs(), chunk, 0, chunk.length);
      // The forward's results go to its input's manager: this call's.
      try (NDManager call = manager.newSubManager()) {
        float[] values = network.forward(parameters, call.create(chunk, new Shape(n, network.inputs())), false)
            .toFloatArray();
        System.arraycopy(values, 0, out, from * width, values.length);
      }
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
