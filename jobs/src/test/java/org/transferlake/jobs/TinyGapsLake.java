package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.transferlake.testing.TestPaths;

/**
 * A tiny lake trained once per test JVM by {@code run}, for the commands that read trained models (predict,
 * suggest): one source declaring band gaps in meV. Alkali and alkaline-earth halides and oxides are measured by
 * both PBE (3.5 to 8 eV) and experiment (3 eV below); their sulfides and selenides by PBE only (0.3 to 2 eV), each a
 * metal when its PBE gap is under 1 eV. Three experiments: {@code tiny} (difference from the PBE gap, which
 * therefore predicts negative gaps where the PBE gap is small), {@code tiny_target} (target_only) and
 * {@code tiny_metal} (a classification).
 */
final class TinyGapsLake {
  private static final List<String> CATIONS = List.of("Li", "Na", "K", "Rb", "Cs", "Mg", "Ca", "Sr", "Ba");
  private static final String SOURCE = """
      id = tiny_gaps
      title = "band gaps in meV, made up for the commands' tests"
      format = csv
      files = ["tiny_gaps.csv"]
      licence = "test data"
      citation = "none"
      record { formula = formula }
      values = [
        { column = pbe_mev, property = band_gap, fidelity = pbe, unit = meV }
        { column = expt_mev, property = band_gap, fidelity = experiment, unit = meV }
        { column = metal, property = is_metal, fidelity = experiment, labels { "1" = metal, "0" = non_metal } }
      ]
      """;
  private static final Map<String, String> EXPERIMENTS = Map.of("tiny", """
      name = tiny
      target = "band_gap/experiment/tiny_gaps"
      sources = [ { context = "band_gap/pbe/tiny_gaps", aggregate = median } ]
      features = fractions
      architectures = [difference]
      learners = [ { name = forest, grid { trees = [8] } } ]
      cv { folds = 3 }
      seed = 5
      options { source-learner { name = forest, trees = 4 } }
      """, "tiny_target", """
      name = tiny_target
      target = "band_gap/experiment/tiny_gaps"
      sources = []
      features = fractions
      architectures = [target_only]
      learners = [ { name = forest, grid { trees = [8] } } ]
      cv { folds = 3 }
      seed = 5
      """, "tiny_metal", """
      name = tiny_metal
      target = "is_metal/experiment/tiny_gaps"
      sources = []
      features = fractions
      architectures = [target_only]
      learners = [ { name = forest, grid { trees = [8] } } ]
      cv { folds = 3 }
      seed = 5
      """);

  private static File root;

  private TinyGapsLake() {}

  /** The trained lake's directory (its settings: {@link #settings}); trains it on the first call. */
  static synchronized File root() {
    if (root == null) {
      try {
        File dir = Files.createTempDirectory("tiny-gaps-lake").toFile();
        train(dir);
        root = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  /** The options that point a command at this lake. */
  static List<String> settings() {
    return settings(root());
  }

  private static List<String> settings(File dir) {
    Map<String, String> s = Map.of("transferlake.lake.root", new File(dir, "lake").getPath(),
        "transferlake.mirror.dir", new File(dir, "mirror").getPath(),
        "transferlake.sources.dir", new File(dir, "sources").getPath(),
        "transferlake.featurize.presets", "[fractions]",
        "transferlake.experiments.dir", new File(dir, "experiments").getPath(),
        "transferlake.run.experiments", "[" + String.join(",", EXPERIMENTS.keySet().stream().sorted().toList()) + "]",
        "spark.master", "local[2]");
    List<String> out = new ArrayList<>(List.of("--profile",
        new File(TestPaths.project(), "conf/local.conf").getPath()));
    s.forEach((k, v) -> out.addAll(List.of("--set", k + "=" + v)));
    return out;
  }

  /** A command with this lake's settings after its own arguments. */
  static CommandRun run(String... args) {
    return run(root(), args);
  }

  private static CommandRun run(File dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(settings(dir));
    return CommandRun.of(all);
  }

  /** Writes {@code text} to {@code path} under the lake's directory, creating folders. */
  static File write(String path, String text) {
    return write(root(), path, text);
  }

  private static File write(File dir, String path, String text) {
    File file = new File(dir, path);
    try {
      Files.createDirectories(file.getParentFile().toPath());
      Files.writeString(file.toPath(), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static void train(File dir) {
    StringBuilder csv = new StringBuilder("formula,pbe_mev,expt_mev,metal\n");
    SplittableRandom random = new SplittableRandom(11);
    for (String cation : CATIONS) {
      for (String anion : List.of("F", "Cl", "Br", "O")) {
        double pbe = 3500 + 4500 * random.nextDouble();
        csv.append(String.format(Locale.ROOT, "%s%s,%.1f,%.1f,0%n", cation, anion, pbe,
            pbe - 3000 + 50 * random.nextDouble()));
      }
      for (String anion : List.of("S", "Se")) {
        double pbe = 300 + 1700 * random.nextDouble();
        csv.append(String.format(Locale.ROOT, "%s%s,%.1f,,%d%n", cation, anion, pbe, pbe < 1000 ? 1 : 0));
      }
    }
    write(dir, "mirror/tiny_gaps.csv", csv.toString());
    write(dir, "sources/tiny_gaps.conf", SOURCE);
    EXPERIMENTS.forEach((name, text) -> write(dir, "experiments/" + name + ".conf", text));
    CommandRun trained = run(dir, "run");
    assertEquals(0, trained.code(), trained.out() + trained.err());
  }
}
