package org.transferlake.model.learn.mlp;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one way into DJL's PyTorch engine: every class of this package reaches the engine through here, so the
 * offline switch below is set before the engine loads, and every training goes through the training lock.
 */
final class DjlRuntime {
  static {
    // Before ai.djl.engine.Engine loads: its start-up otherwise calls home over HTTP (we never download anyway).
    System.setProperty("ai.djl.offline", "true");
  }

  private static final String ENGINE = "PyTorch";

  /**
   * Held around a whole fit, so trainings in one JVM run one after another. PyTorch's engine allows one
   * GradientCollector per JVM (a static flag in PtGradientCollector: a second one throws), and seeding resets
   * PyTorch's global generator, which initialisation and dropout draw from, so an interleaved training would
   * also lose determinism. Static, hence one per class loader: the same scope as DJL's own flag. Prediction
   * takes no lock (no gradients, no random numbers).
   */
  private static final ReentrantLock TRAINING = new ReentrantLock();

  private DjlRuntime() {}

  static <T> T whileTraining(Supplier<T> training) {
    TRAINING.lock();
    try {
      return training.get();
    } finally {
      TRAINING.unlock();
    }
  }

  /** Whether some thread of this JVM is training now. */
  static boolean trainingInProgress() {
    return TRAINING.isLocked();
  }

  /** Seeds PyTorch's global generator (weight initialisation and dropout); callers hold the training lock. */
  static void seed(long seed) {
    Engine.getEngine(ENGINE).setRandomSeed(Long.hashCode(seed));
  }

  /** A new manager of native arrays on the CPU; the caller closes it. */
  static NDManager newManager() {
    return NDManager.newBaseManager(Device.cpu(), ENGINE);
  }

  /** Records operations for backward(); one per JVM at a time, so callers hold the training lock. */
  static GradientCollector newGradientCollector() {
    return Engine.getEngine(ENGINE).newGradientCollector();
  }

  /** Library versions recorded in provenance. */
  static Map<String, String> versions() {
    return Map.of("djl", Engine.getDjlVersion(), "pytorch", Engine.getEngine(ENGINE).getVersion());
  }
}
