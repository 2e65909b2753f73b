package org.transferlake.model.learn.mlp;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model's members loaded for prediction, kept between its predict calls (loading costs about as much as a
 * forward pass). Models have no close() and a Spark task makes and drops many, so the native memory is released
 * when no model refers to this object any more (a {@link Cleaner}); and what all models of the JVM keep is bounded
 * ({@link #LIMIT}): past it, a call loads the members for itself and closes them after.
 */
final class LoadedMembers {
  /** Bytes of saved parameters kept loaded JVM-wide, at most: a few hundred members of the default size. */
  private static final long LIMIT = 64L << 20;
  private static final AtomicLong KEPT = new AtomicLong();
  private static final Cleaner CLEANER = Cleaner.create();

  private final Network network;
  private final byte[][] members;
  private final long bytes;
  /** Guarded by this; null until the first call that may keep them. */
  private Kept kept;

  LoadedMembers(Network network, byte[][] members) {
    this.network = network;
    this.members = members;
    long sum = 0;
    for (byte[] member : members) {
      sum += member.length;
    }
    bytes = sum;
  }

  /** Per member, its outputs for {@code rows} rows of standardised {@code inputs} (see {@link MemberNetwork}). */
  float[][] outputs(float[] inputs, int rows) {
    try {
      MemberNetwork[] networks = keep();
      if (networks != null) {
        return outputs(networks, inputs, rows);
      }
      networks = load();
      try {
        return outputs(networks, inputs, rows);
      } finally {
        close(networks);
      }
    } finally {
      Reference.reachabilityFence(this); // the Cleaner must not close the networks while they run
    }
  }

  private synchronized MemberNetwork[] keep() {
    if (kept == null) {
      if (KEPT.addAndGet(bytes) > LIMIT) {
        KEPT.addAndGet(-bytes);
        return null;
      }
      try {
        kept = new Kept(load(), bytes);
      } finally {
        if (kept == null) {
          KEPT.addAndGet(-bytes);
        }
      }
      CLEANER.register(this, kept);
    }
    return kept.networks();
  }

  private MemberNetwork[] load() {
    MemberNetwork[] networks = new MemberNetwork[members.length];
    try {
      for (int m = 0; m < members.length; m++) {
        networks[m] = MemberNetwork.load(network, members[m]);
      }
    } catch (RuntimeException e) {
      close(networks);
      throw e;
    }
    return networks;
  }

  private static float[][] outputs(MemberNetwork[] networks, float[] inputs, int rows) {
    float[][] out = new float[networks.length][];
    for (int m = 0; m < networks.length; m++) {
      out[m] = networks[m].outputs(inputs, rows);
    }
    return out;
  }

  private static void close(MemberNetwork[] networks) {
    for (MemberNetwork network : networks) {
      if (network != null) {
        network.close();
      }
    }
  }

  /** The Cleaner's action: refers to the networks, never to the LoadedMembers it cleans up after. */
  private record Kept(MemberNetwork[] networks, long bytes) implements Runnable {
    @Override
    public void run() {
      close(networks);
      KEPT.addAndGet(-bytes);
    }
  }
}
