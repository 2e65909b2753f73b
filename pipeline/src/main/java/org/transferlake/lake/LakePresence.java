package org.transferlake.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Whether a lake exists, asked without creating anything. A lake exists once its {@value #NAMESPACE} namespace
 * does: ingest creates it, with the first tables.
 */
public final class LakePresence {
  /** The namespace whose presence marks a lake. */
  public static final String NAMESPACE = "curated";

  private LakePresence() {}

  /** Where the filesystem (hadoop) catalog keeps the namespace: {@code <warehouse>/curated}. */
  public static String namespacePath(CatalogSettings catalog) {
    return catalog.warehouse() + "/" + NAMESPACE;
  }

  /**
   * For the filesystem catalog, before Spark starts: whether {@link #namespacePath} is a directory, asked of Hadoop's
   * FileSystem, so that local, hdfs:// and s3a:// warehouses answer alike.
   */
  public static boolean onFilesystem(CatalogSettings catalog, Configuration hadoop) {
    Path path = new Path(namespacePath(catalog));
    try {
      return path.getFileSystem(hadoop).getFileStatus(path).isDirectory();
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for the lake at " + path + ": " + e.getMessage(), e);
    }
  }

  /** For any catalog, once Spark runs: whether the catalog lists the namespace (SHOW NAMESPACES creates nothing). */
  public static boolean inCatalog(SparkSession spark, String catalog) {
    return spark.sql("SHOW NAMESPACES IN " + catalog).collectAsList().stream()
        .anyMatch(row -> row.getString(0).equals(NAMESPACE));
  }
}
