package org.transferlake.composition;

/** A formula or composition key that cannot be read, with why and where. */
public final class FormulaException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int position;

  /**
   * @param reason a short sentence, such as {@code unknown element 'D'}
   * @param position the 0-based index of the offending character in the input, or -1 when no single
   *     character is to blame
   */
  public FormulaException(String reason, int position) {
    super(position < 0 ? reason : reason + " at " + position);
    this.reason = reason;
    this.position = position;
  }

  /** Why the input was refused, without the position. */
  public String reason() {
    return reason;
  }

  /** The 0-based index of the offending character, or -1 when not applicable. */
  public int position() {
    return position;
  }
}
