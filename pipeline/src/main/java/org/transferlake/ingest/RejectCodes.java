package org.transferlake.ingest;

/** Categories of refusal, stored in {@code curated.rejects.reason_code} beside the full reason. */
public final class RejectCodes {
  /** The record could not be framed or split into fields (quotes, field count, length). */
  public static final String MALFORMED_RECORD = "malformed_record";
  public static final String NO_FORMULA = "no_formula";
  public static final String BAD_FORMULA = "bad_formula";
  public static final String UNKNOWN_ELEMENT = "unknown_element";
  public static final String NO_VALUE = "no_value";
  public static final String NOT_A_NUMBER = "not_a_number";
  public static final String NOT_FINITE = "not_finite";
  public static final String OUT_OF_RANGE = "out_of_range";
  public static final String UNKNOWN_LABEL = "unknown_label";

  private RejectCodes() {}
}
