package org.transferlake.testing;

import java.io.File;

/** Where tests find the shared data and the project's own files (set by the root pom for Surefire). */
public final class TestPaths {
  private TestPaths() {}

  /** {@code ../shared} beside the checkout. */
  public static File shared() {
    return dir("test.transferlake.shared");
  }

  /** {@code ../shared/data}: the mirror of the public sources. */
  public static File mirror() {
    return new File(shared(), "data");
  }

  public static File project() {
    return dir("test.transferlake.project");
  }

  public static File sourcesDir() {
    return new File(project(), "conf/sources");
  }

  private static File dir(String property) {
    String path = System.getProperty(property);
    if (path == null) {
      throw new IllegalStateException("system property " + property + " is not set (run the tests with Maven)");
    }
    File dir = new File(path).getAbsoluteFile();
    if (!dir.isDirectory()) {
      throw new IllegalStateException(property + " = " + dir + " is not a directory");
    }
    return dir;
  }
}
