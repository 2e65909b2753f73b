package org.transferlake.model.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture: a shared trunk of fully connected layers (each followed by the activation and, when the
 * rate is above 0, dropout) and one linear head per label, whose outputs are concatenated. Builds the block
 * that defines initialisation and the saved parameters, and runs the same computation on flat parameters
 * ({@link #forward}).
 */
record Network(int inputs, List<Integer> hidden, MlpActivation activation, double dropout, List<Integer> heads) {

  Network {
    hidden = List.copyOf(hidden);
    heads = List.copyOf(heads);
  }

  Block build() {
    SequentialBlock trunk = new SequentialBlock();
    for (int units : hidden) {
      trunk.add(Linear.builder().setUnits(units).build());
      trunk.add(activation.block());
      if (dropout > 0) {
        trunk.add(Dropout.builder().optRate((float) dropout).build());
      }
    }
    List<Block> headBlocks = new ArrayList<>();
    for (int width : heads) {
      headBlocks.add(Linear.builder().setUnits(width).build());
    }
    trunk.add(new ParallelBlock(Network::concatenate, headBlocks));
    return trunk;
  }

  /**
   * The outputs [rows, total head width] for {@code input} [rows, inputs], from the weights and biases that
   * {@link ParameterLayout#views} gives; the same computation as the block's, with the heads as one layer.
   */
  NDArray forward(NDList parameters, NDArray input, boolean training) {
    NDArray x = input;
    for (int layer = 0; layer < hidden.size(); layer++) {
      x = activation.apply(Linear.linear(x, parameters.get(2 * layer), parameters.get(2 * layer + 1)).head());
      if (dropout > 0) {
        x = Dropout.dropout(x, (float) dropout, training).head();
      }
    }
    return Linear.linear(x, parameters.get(2 * hidden.size()), parameters.get(2 * hidden.size() + 1)).head();
  }

  private static NDList concatenate(List<NDList> headOutputs) {
    if (headOutputs.size() == 1) {
      return headOutputs.get(0); // NDArrays.concat would duplicate a single array, detached from the graph
    }
    NDList columns = new NDList(headOutputs.size());
    headOutputs.forEach(output -> columns.add(output.singletonOrThrow()));
    return new NDList(NDArrays.concat(columns, 1));
  }

  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(inputs);
    writeInts(hidden, out);
    out.writeUTF(activation.id());
    out.writeDouble(dropout);
    writeInts(heads, out);
  }

  static Network read(DataInputStream in) throws IOException {
    return new Network(in.readInt(), readInts(in), MlpActivation.parse(in.readUTF()), in.readDouble(), readInts(in));
  }

  private static void writeInts(List<Integer> values, DataOutputStream out) throws IOException {
    out.writeInt(values.size());
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private static List<Integer> readInts(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Integer> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(in.readInt());
    }
    return values;
  }
}
