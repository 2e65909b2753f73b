package org.transferlake.model.learn.mlp;

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
 * rate is above 0, dropout) and one linear head per label, whose outputs are concatenated. Enough to rebuild
 * the same block for loading saved parameters.
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
