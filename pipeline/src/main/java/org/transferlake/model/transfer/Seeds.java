package org.transferlake.model.transfer;

/** Derived seeds: every random choice of a stage depends only on the run's seed and the stage's name. */
public final class Seeds {
  private Seeds() {}

  public static long derive(long seed, String stage, long index) {
    long z = seed ^ (stage.hashCode() * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
