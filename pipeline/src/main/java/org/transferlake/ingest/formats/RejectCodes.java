package org.transferlake.ingest.formats;

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
  /** Bytes that are not valid in the file's encoding. */
  public static final String BAD_ENCODING = "bad_encoding";
  /** A document cut short: what follows the cut cannot be read. */
  public static final String TRUNCATED = "truncated";
  /** A value whose unit (given in the record) cannot be converted to the property's. */
  public static final String UNKNOWN_UNIT = "unknown_unit";
  /** A value whose record does not meet the catalog's {@code require} (a computed value in an experimental context). */
  public static final String REQUIREMENT_NOT_MET = "requirement_not_met";
  /** A record without the id that its formula is looked up by. */
  public static final String NO_ID = "no_id";
  /** An id that the id source does not know, or knows with several formulas. */
  public static final String UNRESOLVED_ID = "unresolved_id";
  /** A JSON map's group that the catalog does not map. */
  public static final String UNMAPPED = "unmapped";

  private RejectCodes() {}
}
