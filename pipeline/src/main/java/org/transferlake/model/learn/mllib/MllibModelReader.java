package org.transferlake.model.learn.mllib;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.ModelReader;
import org.transferlake.model.learn.Provenance;

/** Reads saved {@link MllibModel}s of every MLlib algorithm (a service listed in META-INF/services). */
public final class MllibModelReader implements ModelReader {
  @Override
  public Set<String> learners() {
    return Set.of(MllibLearner.RANDOM_FOREST, MllibLearner.GBT, MllibLearner.LINEAR);
  }

  @Override
  public Model read(DataInputStream payload, Provenance provenance) throws IOException {
    return MllibModel.read(payload, provenance);
  }
}
