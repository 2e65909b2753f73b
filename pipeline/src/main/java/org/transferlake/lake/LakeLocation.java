package org.transferlake.lake;

import java.io.File;
import java.net.URI;

/** Where the lake's parts live, all derived from {@code transferlake.lake.root}. */
public record LakeLocation(String root) {

  /** A root without a URI scheme is a local path, made absolute so that executors agree on it. */
  public static LakeLocation of(String root) {
    String trimmed = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    URI uri = URI.create(trimmed.replace(" ", "%20"));
    if (uri.getScheme() == null || uri.getScheme().length() == 1) { // a Windows drive letter is no scheme
      return new LakeLocation(new File(root).getAbsoluteFile().toURI().toString().replaceAll("/$", ""));
    }
    return new LakeLocation(trimmed);
  }

  /** The Iceberg warehouse of the filesystem catalog. */
  public String warehouse() {
    return root + "/warehouse";
  }

  /** Spark's own warehouse (unused by the lake's tables; kept inside the lake, not in the working directory). */
  public String sparkWarehouse() {
    return root + "/spark-warehouse";
  }

  /** Artifacts that are not tables (saved models, reports). */
  public String artifacts() {
    return root + "/artifacts";
  }
}
