package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.testing.TestPaths;

/** Command lines that must stop before any Spark work, with exit code 2 and a message naming the value. */
class MainTest {
  @Test
  void anUnknownPresetStopsFeaturizeNamingIt() {
    String err = stderrOf(2, "featurize", "--profile", profile(), "--preset", "magpie,magpi");
    assertTrue(err.contains("transferlake.featurize.presets = [magpie, magpi]: unknown preset 'magpi'"), err);
  }

  @Test
  void benchRefusesRowsBelowOne() {
    String err = stderrOf(2, "bench", "featurize", "--profile", profile(), "--rows", "0");
    assertTrue(err.contains("bench featurize --rows 0: expected 1 or more"), err);
  }

  @Test
  void anExperimentKeyTypoStopsTrainAndItsDryRunBeforeSparkStarts(@TempDir File experiments) throws IOException {
    String text = Files.readString(new File(TestPaths.project(), "conf/experiments/expt_gap_quick.conf").toPath());
    File file = new File(experiments, "expt_gap_quick.conf");
    Files.writeString(file.toPath(), text.replace("name = forest, grid", "name = forest, serach = random, grid"));
    String message = "transferlake: " + file.getPath() + ": learners[0].serach: unknown key; did you mean"
        + " learners[0].search? (known: eta, grid, min-resource, name, samples, search)";
    // a master Spark cannot parse: had Spark started, the command would fail on it, not on the experiment
    List<String> train = List.of("train", "--profile", profile(), "--experiment", "expt_gap_quick",
        "--set", "transferlake.experiments.dir=" + experiments.getPath(), "--set", "spark.master=no-spark");
    for (List<String> args : List.of(train, Stream.concat(train.stream(), Stream.of("--dry-run")).toList())) {
      String err = stderrOf(2, args.toArray(new String[0]));
      assertEquals(message, err.lines().findFirst().orElse(""), args + ": " + err);
    }
  }

  @Test
  void aHyperparameterTheLearnerRefusesOrAnOldSpellingStopsTrainBeforeSparkStarts(@TempDir File experiments)
      throws IOException {
    String text = Files.readString(new File(TestPaths.project(), "conf/experiments/expt_gap_quick.conf").toPath());
    File file = new File(experiments, "expt_gap_quick.conf");
    List<String> train = List.of("train", "--profile", profile(), "--experiment", "expt_gap_quick", "--dry-run",
        "--set", "transferlake.experiments.dir=" + experiments.getPath(), "--set", "spark.master=no-spark");
    Files.writeString(file.toPath(), text.replace("trees = [100]", "trees = [100], max-features = [1.5]"));
    assertEquals("transferlake: " + file.getPath() + ": learners[0].grid.max-features: 1.5: expected a fraction in"
        + " (0, 1]", stderrOf(2, train.toArray(new String[0])).lines().findFirst().orElse(""));
    Files.writeString(file.toPath(), text.replace("max-features = 0.33", "max_features = 0.33"));
    assertEquals("transferlake: " + file.getPath() + ": options.source-learner.max_features: experiment keys are"
        + " kebab-case; write options.source-learner.max-features",
        stderrOf(2, train.toArray(new String[0])).lines().findFirst().orElse(""));
  }

  @Test
  void aDistributedLearnerHyperparameterOutOfRangeStopsTrainNamingTheSetting() {
    String err = stderrOf(2, "train", "--profile", profile(), "--experiment", "expt_gap_quick", "--dry-run",
        "--set", "transferlake.experiments.dir=" + new File(TestPaths.project(), "conf/experiments").getPath(),
        "--set", "transferlake.learners.source.mllib.max-depth=31", "--set", "spark.master=no-spark");
    assertTrue(err.startsWith("transferlake: transferlake.learners.source.mllib.max-depth: 31: expected 1 to 30"
        + " (MLlib's limit) (mllib_rf)"), err);
  }

  @Test
  void anExperimentKeyTypoStopsRunAndNightlyBeforeSparkStarts(@TempDir File experiments) throws IOException {
    String text = Files.readString(new File(TestPaths.project(), "conf/experiments/expt_gap_quick.conf").toPath());
    File file = new File(experiments, "expt_gap_quick.conf");
    Files.writeString(file.toPath(), text.replace("use-measured = true", "use-mesured = true"));
    for (String command : List.of("run", "nightly")) {
      String err = stderrOf(2, command, "--profile", profile(),
          "--set", "transferlake.run.experiments=[expt_gap_quick]",
          "--set", "transferlake.experiments.dir=" + experiments.getPath(), "--set", "spark.master=no-spark");
      assertTrue(err.startsWith("transferlake: " + file.getPath() + ": options.use-mesured: unknown key; did you mean"
          + " options.use-measured?"), command + ": " + err);
    }
  }

  @Test
  void helpListsTheNewCommands() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute("--help"));
    } finally {
      System.setOut(previous);
    }
    String help = out.toString(StandardCharsets.UTF_8);
    assertTrue(help.contains("featurize") && help.contains("bench"), help);
  }

  /** The shipped local profile. */
  private static String profile() {
    return new java.io.File(TestPaths.project(), "conf/local.conf").getPath();
  }

  /**
   * Runs a command line without Surefire's own {@code transferlake.*} system properties, which the
   * settings would refuse as unknown keys.
   */
  private static String stderrOf(int exitCode, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream previous = System.err;
    Properties saved = (Properties) System.getProperties().clone();
    saved.stringPropertyNames().stream().filter(k -> k.startsWith("transferlake.")).forEach(System::clearProperty);
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(exitCode, Main.execute(args));
    } finally {
      System.setErr(previous);
      System.setProperties(saved);
    }
    return err.toString(StandardCharsets.UTF_8);
  }
}
