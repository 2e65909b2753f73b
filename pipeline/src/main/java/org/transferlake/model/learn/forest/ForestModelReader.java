package org.transferlake.model.learn.forest;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.ModelReader;
import org.transferlake.model.learn.Provenance;

/** Reads saved {@link ForestModel}s (a service listed in META-INF/services). */
public final class ForestModelReader implements ModelReader {
  @Override
  public Set<String> learners() {
    return Set.of(ForestModel.LEARNER);
  }

  @Override
  public Model read(DataInputStream payload, Provenance provenance) throws IOException {
    return ForestModel.read(payload, provenance);
  }
}
