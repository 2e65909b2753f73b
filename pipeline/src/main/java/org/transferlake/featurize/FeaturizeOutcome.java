package org.transferlake.featurize;

/**
 * What featurizing one preset did.
 *
 * @param mode {@link #FULL} (the table was replaced), {@link #INCREMENTAL} (new keys appended) or
 *     {@link #UP_TO_DATE} (nothing to do, nothing written)
 * @param reason why this mode, in words
 * @param rowsWritten compositions featurized by this run
 * @param rowsWrittenWithMissing of those, the ones whose elements lack an element-table value (imputed
 *     under {@code magpie}, NaN features under {@code magpie_no_imputation}; always 0 for fractions)
 * @param tableRows compositions in the table after the run
 * @param tableRowsWithMissing of those, the ones whose elements lack an element-table value
 */
public record FeaturizeOutcome(String preset, String table, String mode, String reason, long rowsWritten,
    long rowsWrittenWithMissing, long tableRows, long tableRowsWithMissing, String featurizerVersion,
    String elementTableSha256, double seconds) {

  public static final String FULL = "full";
  public static final String INCREMENTAL = "incremental";
  public static final String UP_TO_DATE = "up-to-date";
}
