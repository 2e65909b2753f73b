package org.transferlake.model.learn;

/** The code version recorded in provenance and run rows (from the jar manifest, else the build's default). */
public final class Versions {
  public static final String TRANSFERLAKE = version();

  private Versions() {}

  private static String version() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
