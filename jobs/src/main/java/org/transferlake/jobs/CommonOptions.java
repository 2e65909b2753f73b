package org.transferlake.jobs;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;
import org.transferlake.config.Workspace;
import picocli.CommandLine.Option;

/** The options every command takes: which profile, which extra files, which overrides. */
final class CommonOptions {
  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "local",
      description = "Configuration profile: conf/NAME.conf (local, cluster, ...). Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Extra HOCON file(s) layered over the profile, later ones winning.")
  List<File> configFiles = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one setting (transferlake.* or spark.*); repeatable. Wins over files and -D.")
  Map<String, String> overrides = new LinkedHashMap<>();

  Settings settings() {
    SettingsLoader loader = new SettingsLoader();
    File file = profileFile(profile);
    if (file != null) {
      loader.profile(file);
    } else {
      loader.profileResource(SHIPPED + profile + ".conf");
    }
    Workspace workspace = workspace();
    if (workspace != null) {
      loader.workspace(workspace);
    }
    configFiles.forEach(loader::profile);
    return loader.set(overrides).load();
  }

  /**
   * The workspace {@code --set transferlake.workspace.dir} names, else {@code $TRANSFERLAKE_WORKSPACE}, else the
   * one the current directory is in; null when none.
   */
  private Workspace workspace() {
    String named = overrides.get("transferlake.workspace.dir");
    if (named != null) {
      return named.isBlank() ? null : Workspace.at(new File(named), "transferlake.workspace.dir");
    }
    return Workspace.find(System.getenv(Workspace.ENV), new File("").getAbsoluteFile());
  }

  /** Where the build puts conf/ inside the jar (jobs/pom.xml). */
  private static final String SHIPPED = "transferlake-conf/";

  /**
   * A profile is looked up in $TRANSFERLAKE_CONF_DIR, then in ./conf, then in the installation's conf/
   * ($TRANSFERLAKE_HOME), then in the jar (null: take the jar's); a path
   * ending in .conf is taken as is.
   */
  static File profileFile(String profile) {
    if (profile.endsWith(".conf")) {
      return new File(profile);
    }
    List<File> candidates = new ArrayList<>();
    String confDir = System.getenv("TRANSFERLAKE_CONF_DIR");
    if (confDir != null && !confDir.isBlank()) {
      candidates.add(new File(confDir, profile + ".conf"));
    }
    candidates.add(new File("conf", profile + ".conf"));
    String home = System.getenv("TRANSFERLAKE_HOME");
    if (home != null && !home.isBlank()) {
      candidates.add(new File(home, "conf/" + profile + ".conf"));
    }
    for (File candidate : candidates) {
      if (candidate.isFile()) {
        return candidate;
      }
    }
    if (CommonOptions.class.getClassLoader().getResource(SHIPPED + profile + ".conf") != null) {
      return null;
    }
    throw new SettingsException("--profile " + profile + ": no profile found (looked for " + candidates
        + " and " + SHIPPED + profile + ".conf in the jar; set TRANSFERLAKE_CONF_DIR or run from the project directory)");
  }
}
