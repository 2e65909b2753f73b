package org.transferlake.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A benchmark's lake of its own, rebuilt at every run; only a directory a benchmark made is ever deleted. */
public final class ScratchLake {
  /** Marks a directory as a benchmark's scratch lake. */
  public static final String MARKER = ".transferlake-bench";

  private ScratchLake() {}

  /** True when {@code dir} is absent, empty, or a scratch lake: a benchmark may delete it. */
  public static boolean replaceable(File dir) {
    Path path = dir.toPath();
    if (!Files.isDirectory(path) || Files.exists(path.resolve(MARKER))) {
      return true;
    }
    try (Stream<Path> children = Files.list(path)) {
      return children.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare scratch lake " + dir, e);
    }
  }

  /**
   * Deletes a previous run's scratch lake and makes an empty one.
   *
   * @throws IllegalArgumentException when {@code dir} holds files but no {@link #MARKER}
   */
  public static void recreate(File dir) {
    if (!replaceable(dir)) {
      throw new IllegalArgumentException(dir + ": not empty and not a bench scratch lake (no " + MARKER + ")");
    }
    Path path = dir.toPath();
    try {
      if (Files.isDirectory(path)) {
        try (Stream<Path> all = Files.walk(path)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(path);
      Files.createFile(path.resolve(MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare scratch lake " + dir, e);
    }
  }
}
