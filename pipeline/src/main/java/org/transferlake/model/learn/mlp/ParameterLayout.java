package org.transferlake.model.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The network's parameters as one flat vector, so that Adam updates them in one native call: each trunk layer's
 * weight [out, in] and bias, then the heads' weights stacked into one [total width, last hidden] and their biases
 * likewise, so the heads run as one linear layer. Maps the vector to and from the parameters of the block that
 * {@link Network#build} gives, which define initialisation and the saved format.
 */
final class ParameterLayout {
  /** Per tensor of the forward pass (weight, bias, weight, ...): its shape, and where it starts. */
  private final Shape[] shapes;
  private final long[] starts;
  /** Per parameter of the block, in its order: where it starts in the vector. */
  private final long[] blockStarts;
  private final int size;

  ParameterLayout(Network network) {
    List<Shape> tensors = new ArrayList<>();
    int in = network.inputs();
    for (int units : network.hidden()) {
      tensors.add(new Shape(units, in));
      tensors.add(new Shape(units));
      in = units;
    }
    int width = network.heads().stream().mapToInt(Integer::intValue).sum();
    tensors.add(new Shape(width, in));
    tensors.add(new Shape(width));
    shapes = tensors.toArray(Shape[]::new);
    starts = new long[shapes.length];
    long next = 0;
    for (int t = 0; t < shapes.length; t++) {
      starts[t] = next;
      next += shapes[t].size();
    }
    size = Math.toIntExact(next);
    // The block holds the trunk's weight and bias per layer, then each head's weight and bias.
    List<Long> block = new ArrayList<>();
    for (int t = 0; t < shapes.length - 2; t++) {
      block.add(starts[t]);
    }
    long row = 0;
    for (int headWidth : network.heads()) {
      block.add(starts[shapes.length - 2] + row * in);
      block.add(starts[shapes.length - 1] + row);
      row += headWidth;
    }
    blockStarts = block.stream().mapToLong(Long::longValue).toArray();
  }

  int size() {
    return size;
  }

  /** The block's parameter values (initialised or loaded) as the flat vector. */
  float[] gather(Block block) {
    float[] flat = new float[size];
    List<Parameter> parameters = parameters(block);
    for (int p = 0; p < parameters.size(); p++) {
      float[] values = parameters.get(p).getArray().toFloatArray();
      System.arraycopy(values, 0, flat, (int) blockStarts[p], values.length);
    }
    return flat;
  }

  /** Sets the block's (initialised) parameters to the values in {@code flat}. */
  void scatter(float[] flat, Block block) {
    List<Parameter> parameters = parameters(block);
    for (int p = 0; p < parameters.size(); p++) {
      NDArray array = parameters.get(p).getArray();
      float[] values = Arrays.copyOfRange(flat, (int) blockStarts[p], (int) (blockStarts[p] + array.size()));
      // intern, not set(Buffer): that one goes through a deprecated PyTorch mode, which logs a warning
      array.intern(array.getManager().create(values, array.getShape()));
    }
  }

  /**
   * The weights and biases of the forward pass from the block's (loaded) parameters: the trunk's as they are, the
   * heads' concatenated (new arrays in the parameters' manager).
   */
  NDList arrays(Block block) {
    List<Parameter> parameters = parameters(block);
    int trunk = shapes.length - 2;
    NDList arrays = new NDList(shapes.length);
    for (int p = 0; p < trunk; p++) {
      arrays.add(parameters.get(p).getArray());
    }
    NDList weights = new NDList();
    NDList biases = new NDList();
    for (int p = trunk; p < parameters.size(); p += 2) {
      weights.add(parameters.get(p).getArray());
      biases.add(parameters.get(p + 1).getArray());
    }
    arrays.add(weights.size() == 1 ? weights.head() : NDArrays.concat(weights));
    arrays.add(biases.size() == 1 ? biases.head() : NDArrays.concat(biases));
    return arrays;
  }

  /**
   * The weights and biases of the forward pass as views of {@code flat} (gradients flow back to it), attached to
   * {@code manager}.
   */
  NDList views(NDArray flat, NDManager manager) {
    NDList pieces = flat.split(Arrays.copyOfRange(starts, 1, starts.length));
    pieces.attach(manager);
    NDList views = new NDList(shapes.length);
    for (int t = 0; t < shapes.length; t++) {
      views.add(shapes[t].dimension() == 1 ? pieces.get(t) : pieces.get(t).reshape(shapes[t]));
    }
    return views;
  }

  private List<Parameter> parameters(Block block) {
    List<Parameter> parameters = block.getParameters().values();
    if (parameters.size() != blockStarts.length) {
      throw new IllegalStateException("the block has " + parameters.size() + " parameters, the layout "
          + blockStarts.length);
    }
    return parameters;
  }
}
