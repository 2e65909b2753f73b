package org.transferlake.model.transfer;

import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.Provenance;

/**
 * A fitted architecture: predicts the target context (mean and standard deviation) for compositions. It is made
 * of its stage-two model, the options settled when it was fitted, and the source estimates it reads; {@link
 * ArchitectureComponent#assemble} rebuilds an identical one from these parts.
 */
public interface TransferModel {
  String architecture();

  /**
   * Predicts the target for these compositions.
   *
   * @param keys composition keys (they find measured source values, where an architecture uses them)
   * @param x their features, in the order the model was trained with
   */
  Prediction predict(String[] keys, double[][] x);

  /**
   * The models trained on target rows: the main one first (stage two, or the whole model of a single-stage
   * architecture), then any helper (the metal classifier of a two-stage architecture). None for an architecture
   * that learns nothing from target rows ({@code source_only}).
   */
  List<Model> models();

  /**
   * Where the model its predictions come from was trained: the main model's provenance, or, for an architecture
   * that trains none on target rows ({@code source_only}), the first source's model's.
   */
  default Provenance provenance() {
    return models().isEmpty() ? sources().model(0).provenance() : models().get(0).provenance();
  }

  /** The target context's label. */
  Label target();

  /** What {@link ArchitectureComponent#assemble} needs besides the parts: the architecture's settings and fitted facts. */
  Map<String, String> options();

  /** The source estimates the predictions read, or null for an architecture that reads none. */
  SourceEstimator sources();
}
