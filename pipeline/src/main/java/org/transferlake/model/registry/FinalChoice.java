package org.transferlake.model.registry;

import java.util.Map;
import org.transferlake.model.learn.ParamsText;

/**
 * The hyperparameters and the feature preset of the final model of one architecture and learner, refit on all target rows, with the
 * cross-validated scores that justify them ({@code FinalChoices} in the train layer chooses).
 *
 * <ul>
 *   <li>{@code only_candidate}: the grid had one point;
 *   <li>{@code inner_cv}: the point inner validation chose on most outer folds (ties: the better mean inner score,
 *       then the params text); the scores are those of each fold's own choice, a nested estimate;
 *   <li>{@code outer_cv}: several points and no inner validation, so the point with the best mean outer score;
 *       its scores are then optimistic, and the registry says so.
 * </ul>
 *
 * @param features the preset (or combination) whose features the model takes, chosen like a hyperparameter
 *     when the experiment compares several
 * @param cvMetric {@code mae} for regression, {@code log_loss} for classification (lower is better)
 */
public record FinalChoice(String architecture, String learner, Map<String, String> params, String features,
    String selectedBy,
    String cvMetric, double cvScore, double cvScoreSd, Double cvMae, Double cvRmse, int cvFolds)
    implements java.io.Serializable {

  /** The learner's hyperparameters as the registry's {@code params} column writes them (the preset has its own). */
  public String paramsText() {
    return ParamsText.of(params);
  }
}
