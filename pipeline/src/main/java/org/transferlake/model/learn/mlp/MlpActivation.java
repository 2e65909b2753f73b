package org.transferlake.model.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.Locale;

/** The nonlinearity between hidden layers. */
public enum MlpActivation {
  RELU,
  TANH,
  /** The exact (erf) GELU, as torch.nn.GELU(). */
  GELU;

  /** The name in configs and params: relu, tanh, gelu. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config value, naming the parameter and the choices when it is not one. */
  public static MlpActivation parse(String value) {
    for (MlpActivation a : values()) {
      if (a.id().equals(value)) {
        return a;
      }
    }
    throw new IllegalArgumentException("mlp activation = " + value + ": expected one of "
        + Arrays.stream(values()).map(MlpActivation::id).toList());
  }

  NDArray apply(NDArray x) {
    return switch (this) {
      case RELU -> Activation.relu(x);
      case TANH -> Activation.tanh(x);
      case GELU -> Activation.gelu(x);
    };
  }

  Block block() {
    return switch (this) {
      case RELU -> Activation.reluBlock();
      case TANH -> Activation.tanhBlock();
      case GELU -> Activation.geluBlock();
    };
  }
}
