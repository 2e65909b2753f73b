package org.transferlake.train.units;

import org.transferlake.model.components.Components;
import org.transferlake.model.transfer.ArchitectureComponent;

/**
 * What a work unit is expected to cost: relative units to balance tasks and waves, and seconds on one core for
 * {@code train --dry-run}. Each learner declares the seconds of one fit ({@code FitCosts} holds the constants and
 * how they were measured), corrected by this machine's recent fits where the lake holds enough of them
 * ({@link MeasuredCosts}); each architecture declares how many fits a unit costs and whether it pools source rows.
 *
 * @param targetRows target records of the experiment (a unit trains on about 4/5 of them for 5 folds)
 * @param sourceRows source compositions of all sources together (union architectures train on them too)
 * @param sourceCount source contexts
 * @param unionCap {@code options.union-source-rows}: rows per source union architectures pool at most (0: all)
 * @param innerFolds inner validation folds, each one more fit on part of the training rows
 * @param measured the corrections of the declared costs from this machine's fits
 */
public record UnitCost(int targetRows, long sourceRows, int sourceCount, int unionCap, int innerFolds,
    MeasuredCosts measured) implements java.io.Serializable {

  /** With the learners' declared costs, as training packs units. */
  public UnitCost(int targetRows, long sourceRows, int sourceCount, int unionCap, int innerFolds) {
    this(targetRows, sourceRows, sourceCount, unionCap, innerFolds, MeasuredCosts.declared());
  }

  /** Expected seconds on one core, inner validation included: also the cost that balances tasks and waves. */
  public double seconds(WorkUnit unit) {
    return fitSeconds(unit) * fits();
  }

  /** A unit's fits in full-size equivalents: the outer one, and each inner fold's on (k − 1)/k of the rows. */
  private double fits() {
    return 1 + (innerFolds == 0 ? 0 : innerFolds - 1.0);
  }

  /**
   * Expected seconds of the unit's one fit on its training rows (a final model's, for {@code nTrain} = every
   * target row), on one core.
   */
  public double fitSeconds(WorkUnit unit) {
    ArchitectureComponent architecture = Components.architecture(unit.architecture());
    double n = unit.nTrain() == 0 ? targetRows * 0.8 : Math.min(unit.nTrain(), targetRows);
    if (architecture.sourceUse() == ArchitectureComponent.SourceUse.POOLS_ROWS) {
      n += unionCap > 0 ? Math.min(sourceRows, unionCap * (long) sourceCount) : sourceRows;
    }
    return Components.learner(unit.learner()).fitSeconds(unit.params(), n) * measured.factor(unit.learner(), n)
        * architecture.costFactor();
  }

  /**
   * Expected seconds of a rung unit: the inner fits of its candidate at the rung's budget (no outer fit), on the
   * rung's share of the rows where the learner declares no budget.
   */
  public double seconds(RungUnit rung) {
    return seconds(rung.budgeted()) * (fits() - 1) / fits() * rung.rowShare();
  }
}
