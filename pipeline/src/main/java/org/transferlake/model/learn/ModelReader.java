package org.transferlake.model.learn;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;

/**
 * Rebuilds saved models of some learners from their payloads. Implementations are found with
 * {@link java.util.ServiceLoader}: each is listed in {@code META-INF/services/org.transferlake.model.learn.ModelReader}
 * and needs a public no-argument constructor.
 */
public interface ModelReader {
  /** The learner names, as saved in a model's header, whose payloads this reads. */
  Set<String> learners();

  Model read(DataInputStream payload, Provenance provenance) throws IOException;
}
