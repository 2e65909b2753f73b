package org.transferlake.model.learn;

import java.io.IOException;

/** A saved model that cannot be loaded: wrong format, truncated, or corrupt. */
public final class ModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
