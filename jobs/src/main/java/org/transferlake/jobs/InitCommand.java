package org.transferlake.jobs;

import java.io.File;
import java.util.concurrent.Callable;
import org.transferlake.config.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code transferlake init DIR}: a workspace for the user's own sources, experiments and lake. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Create a workspace: a directory of your own sources, experiments and lake, outside the checkout.",
        "Commands run in it (or below it, or with TRANSFERLAKE_WORKSPACE naming it) use it beside the shipped"
            + " public catalog; its files are read at run time, so editing them rebuilds nothing."})
final class InitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The workspace's directory (created if absent).")
  File dir;

  @Override
  public Integer call() {
    Workspace w = Workspace.create(dir);
    System.out.println("workspace " + w.dir() + ":");
    System.out.println("  " + w.settingsFile().getName() + "   its settings (they win over the profile)");
    System.out.println("  sources/           your source definitions, <source_id>.conf");
    System.out.println("  experiments/       your experiments, <name>.conf");
    System.out.println("  data/              a place for your data files");
    System.out.println("  lake/              the lake, created on first use");
    String home = System.getenv("TRANSFERLAKE_HOME");
    String launcher = home == null ? "bin/transferlake" : new File(home, "bin/transferlake").getPath();
    System.out.println("next: cd " + dir + " and run " + launcher + " from there (its README.md says more)");
    return 0;
  }
}
