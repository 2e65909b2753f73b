package org.transferlake.model.transfer;

import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Prediction;

/**
 * The sources of a saved transfer model: per source its measured values and its model trained on all its rows. A
 * composition without a measured value (or every composition, without {@code useMeasured}) gets the model's
 * prediction; the cross-fitted models that kept stage two's training honest are not needed to predict new
 * compositions and are not kept.
 */
public record FrozenSources(List<Source> sources) implements SourceEstimator, java.io.Serializable {

  /** One source context: its id, measured value per composition key, and its model on all rows. */
  public record Source(String context, Map<String, Double> measured, Model model) implements java.io.Serializable {}

  public FrozenSources {
    sources = List.copyOf(sources);
  }

  @Override
  public int size() {
    return sources.size();
  }

  @Override
  public String context(int i) {
    return sources.get(i).context();
  }

  @Override
  public Model model(int i) {
    return sources.get(i).model();
  }

  @Override
  public Estimate estimate(int i, String[] keys, double[][] x, boolean useMeasured) {
    Source source = sources.get(i);
    int n = keys.length;
    double[] mean = new double[n];
    double[] std = new double[n];
    boolean[] measured = new boolean[n];
    Prediction p = source.model().predict(x);
    double[] m = p.mean(0);
    double[] s = p.std(0);
    for (int r = 0; r < n; r++) {
      Double value = useMeasured ? source.measured().get(keys[r]) : null;
      measured[r] = value != null;
      mean[r] = value != null ? value : m[r];
      std[r] = value != null ? 0 : s[r];
    }
    return new Estimate(mean, std, measured);
  }
}
