package org.transferlake.model.learn;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/** A trained model: predicts a mean and a standard deviation for every label of every row (shipped to tasks). */
public interface Model extends java.io.Serializable {
  List<Label> labels();

  /** Number of input features expected per row. */
  int features();

  Prediction predict(double[][] x);

  Provenance provenance();

  /** Writes what {@link ModelIO} needs to rebuild an identical model (not the provenance: ModelIO writes it). */
  void writeTo(DataOutputStream out) throws IOException;
}
