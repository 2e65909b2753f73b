package org.transferlake.train.campaign;

import java.io.Serializable;
import java.util.List;

/**
 * One round of a simulated campaign, after its batch was revealed. Round 0 is the state before round 1: the
 * initial rows, which are not experiments.
 *
 * @param measured experiments so far (initial rows excluded)
 * @param hits revealed compositions meeting the goal so far (initial rows excluded)
 * @param best the best measured value so far, initial rows included (max, min); NaN for a window goal
 * @param maeUnmeasured MAE of the round's predictions on the candidates still unmeasured when it chose; null for
 *     random and round 0
 * @param revealed the composition keys measured this round, in the order chosen (round 0: the initial rows)
 * @param values their true values, in the same order
 * @param fitSeconds seconds of the round's fit and prediction (0 for random)
 */
public record Round(int round, int measured, int hits, double best, Double maeUnmeasured, List<String> revealed,
    List<Double> values, double fitSeconds) implements Serializable {
  public Round {
    revealed = List.copyOf(revealed);
    values = List.copyOf(values);
  }
}
