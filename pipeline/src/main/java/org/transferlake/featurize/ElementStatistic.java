package org.transferlake.featurize;

/**
 * A statistic of one elemental property over the elements of a composition, as Magpie and CBFV compute
 * them: fractions weight the mean and the average deviation; minimum and maximum ignore them.
 */
public enum ElementStatistic {
  MINIMUM("minimum"),
  MAXIMUM("maximum"),
  /** maximum − minimum. */
  RANGE("range"),
  /** Σ f·x over the elements, f the atomic fraction. */
  MEAN("mean"),
  /** Σ f·|x − mean|. */
  AVG_DEV("avg_dev");

  private final String label;

  ElementStatistic(String label) {
    this.label = label;
  }

  /** The statistic's part of a column name ({@code avg_dev}). */
  public String label() {
    return label;
  }

  /** Whether the statistic only ever holds an element's value as the table has it (few distinct values). */
  boolean isElementValue() {
    return this == MINIMUM || this == MAXIMUM;
  }
}
