package org.transferlake.ingest.catalog;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.transferlake.lake.Checksums;
import org.transferlake.lake.LakeLocation;

/**
 * Finds a source's files in the mirror and checksums them, through Hadoop's file systems. A catalog's file is
 * a path inside the mirror; an absolute path only where {@code transferlake.sources.allow-absolute-paths} allows
 * it; '..' never.
 */
public final class SourceFiles {
  /** One file of a source: its path as the catalog gives it (relative to the mirror), its full URI and its SHA-256. */
  public record File(String relative, String uri, String sha256) implements Serializable {}

  /** A source's files, or why they cannot be read. */
  public record Resolved(SourceDefinition source, List<File> files, String sha256, String problem) {
    public Map<String, String> fileSha256() {
      Map<String, String> out = new TreeMap<>();
      files.forEach(f -> out.put(f.relative(), f.sha256()));
      return out;
    }
  }

  private SourceFiles() {}

  /**
   * @param allowAbsolute whether a file may be an absolute path outside the mirror
   *     ({@code transferlake.sources.allow-absolute-paths})
   */
  public static Resolved resolve(SourceDefinition source, String mirrorDir, boolean allowAbsolute, Configuration hadoop) {
    String mirror = LakeLocation.of(mirrorDir).root();
    List<File> files = new ArrayList<>();
    StringBuilder combined = new StringBuilder();
    for (String relative : source.files()) {
      boolean absolute = isAbsolute(relative) && (source.workspace() || allowAbsolute && !hasParentStep(relative));
      if (!absolute && !source.workspace() && !insideMirror(relative)) {
        return failed(source, "file '" + relative + "' is not a path inside the mirror directory"
            + " (absolute paths and '..' are refused)");
      }
      String uri = absolute ? LakeLocation.of(relative).root() : source.workspace() ? besideDefinition(source, relative)
          : mirror + "/" + relative;
      try {
        Path path = new Path(URI.create(uri.replace(" ", "%20")));
        FileSystem fs = path.getFileSystem(hadoop);
        String sha;
        try (InputStream in = fs.open(path)) {
          sha = Checksums.sha256(in);
        }
        files.add(new File(relative, uri, sha));
        combined.append(relative).append(' ').append(sha).append('\n');
      } catch (FileNotFoundException e) {
        if (source.workspace()) {
          return failed(source, "file not found: " + uri + " (" + source.definitionFile() + " names '" + relative
              + "': an absolute path, or one relative to that file)");
        }
        return failed(source, "file not found: " + uri + " (source '" + source.id() + "' expects '" + relative
            + "' under the mirror directory transferlake.mirror.dir = " + mirrorDir
            + "; set it, or the environment variable TRANSFERLAKE_MIRROR"
            + (source.origin().urls().isEmpty() ? "" : "; or fetch it from its origin URL: transferlake.ingest.download.enabled = true") + ")");
      } catch (IOException | IllegalArgumentException e) {
        return failed(source, "cannot read " + uri + ": " + e.getMessage());
      }
    }
    String sha256 = files.size() == 1 ? files.get(0).sha256() : Checksums.sha256(combined.toString());
    if (source.sha256() != null && !source.sha256().equals(sha256)) {
      return new Resolved(source, files, sha256, "checksum mismatch: the catalog pins sha256 " + source.sha256()
          + " but the file has " + sha256 + " (update the pin in " + source.definitionFile()
          + " if the new file is intended)");
    }
    return new Resolved(source, files, sha256, null);
  }

  /** A path relative to the mirror that stays inside it. */
  static boolean insideMirror(String file) {
    return !file.startsWith("/") && !file.contains("://") && !hasParentStep(file);
  }

  /** An absolute local path: the only kind outside the mirror a shipped catalog may name (there without '..'). */
  private static boolean isAbsolute(String file) {
    return file.startsWith("/") && !file.contains("://");
  }

  /** A workspace source's relative file: from the directory of its definition, '..' allowed. */
  private static String besideDefinition(SourceDefinition source, String relative) {
    java.io.File dir = new java.io.File(source.definitionFile()).getAbsoluteFile().getParentFile();
    return LakeLocation.of(new java.io.File(dir, relative).toPath().normalize().toString()).root();
  }

  private static boolean hasParentStep(String file) {
    return List.of(file.split("/")).contains("..");
  }

  private static Resolved failed(SourceDefinition source, String problem) {
    return new Resolved(source, List.of(), null, problem);
  }

  /** Opens one file in a Spark task. */
  public static InputStream open(File file) throws IOException {
    Path path = path(file);
    return path.getFileSystem(new Configuration()).open(path);
  }

  public static Path path(File file) {
    return new Path(URI.create(file.uri().replace(" ", "%20")));
  }
}
