package org.transferlake.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * A user's own directory, outside the checkout: their sources ({@code sources/}), experiments
 * ({@code experiments/}), data files ({@code data/}, by convention) and lake ({@code lake/}), marked by a
 * {@code transferlake.conf} that holds its settings. Its files are read at run time: editing them rebuilds nothing.
 * The shipped public catalog stays available beside it.
 */
public record Workspace(File dir) {
  /** The file that marks a workspace and holds its settings. */
  public static final String MARKER = "transferlake.conf";
  /** The environment variable that names a workspace, winning over the current directory. */
  public static final String ENV = "TRANSFERLAKE_WORKSPACE";

  public Workspace {
    dir = dir.getAbsoluteFile().toPath().normalize().toFile();
  }

  public File settingsFile() {
    return new File(dir, MARKER);
  }

  public File sourcesDir() {
    return new File(dir, "sources");
  }

  public File experimentsDir() {
    return new File(dir, "experiments");
  }

  public File dataDir() {
    return new File(dir, "data");
  }

  public File lakeDir() {
    return new File(dir, "lake");
  }

  /**
   * The settings a workspace brings, under those of its {@code transferlake.conf}: its directory, and the lake
   * inside it.
   */
  public Config defaults() {
    return ConfigFactory.parseMap(Map.of("transferlake.workspace.dir", dir.getPath(),
        "transferlake.lake.root", lakeDir().getPath()), "workspace " + dir);
  }

  /**
   * The workspace at {@code dir}.
   *
   * @param key what named it, for the message
   * @throws SettingsException when {@code dir} holds no {@code transferlake.conf}
   */
  public static Workspace at(File dir, String key) {
    Workspace w = new Workspace(dir);
    if (!w.settingsFile().isFile()) {
      throw new SettingsException(key + " = \"" + dir + "\": not a workspace (no " + MARKER + "; create one with"
          + " bin/transferlake init " + dir + ")");
    }
    return w;
  }

  /**
   * The workspace {@code env} names ({@value #ENV}; {@code none} for no workspace), else the first directory from
   * {@code start} upward that holds a {@code transferlake.conf}; null when there is none.
   */
  public static Workspace find(String env, File start) {
    if (env != null && env.equals("none")) {
      return null;
    }
    if (env != null && !env.isBlank()) {
      return at(new File(env), ENV);
    }
    for (File d = start.getAbsoluteFile(); d != null; d = d.getParentFile()) {
      if (new File(d, MARKER).isFile()) {
        return new Workspace(d);
      }
    }
    return null;
  }

  /**
   * Creates a workspace at {@code dir} (made if absent): its settings file, README and empty directories.
   *
   * @throws SettingsException when {@code dir} is already a workspace, or is a file
   */
  public static Workspace create(File dir) {
    Workspace w = new Workspace(dir);
    if (w.settingsFile().exists()) {
      throw new SettingsException("init " + dir + ": already a workspace (" + w.settingsFile() + " exists)");
    }
    if (dir.exists() && !dir.isDirectory()) {
      throw new SettingsException("init " + dir + ": a file, not a directory");
    }
    try {
      for (File d : new File[] {w.sourcesDir(), w.experimentsDir(), w.dataDir()}) {
        Files.createDirectories(d.toPath());
      }
      Files.writeString(w.settingsFile().toPath(), SETTINGS, StandardCharsets.UTF_8);
      File readme = new File(dir, "README.md");
      if (!readme.exists()) {
        Files.writeString(readme.toPath(), README, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("init " + dir + ": " + e.getMessage(), e);
    }
    return w;
  }

  private static final String SETTINGS = """
      # This directory is a transferlake workspace: commands run from here (or below, or with
      # TRANSFERLAKE_WORKSPACE naming it) read its sources/ and experiments/ beside the shipped public catalog,
      # and keep their lake in lake/. Settings here win over the profile; --set wins over them.
      # Every setting, with its meaning: pipeline/src/main/resources/reference.conf in the checkout.
      transferlake {
        # lake.root = "/somewhere/else/lake"
      }
      """;

  private static final String README = """
      # A transferlake workspace

      - `sources/`: your sources, one `<source_id>.conf` each. A file may be anywhere: an absolute path, or relative to the `.conf` file. `licence` and `citation` are
        optional here.
      - `experiments/`: your experiments, one `<name>.conf` each.
      - `data/`: a place for your data files (any other place works too).
      - `lake/`: the lake your commands write (created on first use).
      - `transferlake.conf`: this workspace's settings.

      Edit any of them and run again: nothing is rebuilt. The shipped public sources and experiments stay
      available beside yours.

      ```
      bin/transferlake source add data/gaps.csv --property band_gap --fidelity lab   # writes sources/gaps.conf
      bin/transferlake experiment new lab_gap --target band_gap/lab/gaps --source band_gap/pbe/matbench_mp_gap
      bin/transferlake ingest            # your sources and the public ones, into lake/
      bin/transferlake featurize
      bin/transferlake train --experiment NAME
      bin/transferlake predict --experiment NAME --input candidates.csv --out predictions.csv
      ```
      """;
}
