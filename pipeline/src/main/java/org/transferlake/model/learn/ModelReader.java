package org.transferlake.model.learn;

import java.io.DataInputStream;
import java.io.IOException;

/** Rebuilds a saved model of one learner from its payload (what {@link Model#writeTo} wrote). */
@FunctionalInterface
public interface ModelReader {
  Model read(DataInputStream payload, Provenance provenance) throws IOException;
}
