package org.transferlake.train.experiment;

import java.util.Map;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.LearnerComponent;
import org.transferlake.model.learn.Param;
import org.transferlake.model.learn.mllib.MllibLearner;

/** The distributed source learner of the settings, built by the component registry. */
public final class DistributedSourceLearner {
  private static final String KEY = "transferlake.learners.source.";

  private DistributedSourceLearner() {}

  /**
   * The distributed source learner of the settings.
   *
   * @throws SettingsException naming the key, on a learner that is not distributed or a bad hyperparameter
   */
  public static MllibLearner of(Settings settings) {
    Settings.DistributedLearner d = settings.distributedSourceLearner();
    LearnerComponent component;
    try {
      component = Components.learner(d.name());
    } catch (IllegalArgumentException e) {
      throw new SettingsException(KEY + "distributed: " + e.getMessage(), e);
    }
    try {
      if (component.create(Map.of(), 0) instanceof MllibLearner) {
        return (MllibLearner) component.create(d.params(), 0);
      }
    } catch (Param.Invalid e) {
      throw new SettingsException(KEY + "mllib." + e.param() + ": " + e.reason() + " (" + d.name() + ")", e);
    }
    throw new SettingsException(KEY + "distributed = " + d.name() + ": expected a learner trained on the driver's"
        + " session: " + String.join(", ", Components.learners().stream()
            .filter(l -> l.create(Map.of(), 0) instanceof MllibLearner).map(LearnerComponent::name).toList()));
  }
}
