package org.transferlake.train.experiment;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.model.learn.mllib.MllibLearner;
import org.transferlake.model.learn.mlp.MlpActivation;
import org.transferlake.model.learn.mlp.MlpLearner;

/** Builds a learner from its name and hyperparameters as an experiment writes them. */
public final class Learners {
  private static final Map<String, Set<String>> PARAMS = Map.of(
      "forest", Set.of("trees", "max_features", "max_depth", "min_leaf", "calibrate"),
      MllibLearner.RANDOM_FOREST, Set.of("trees", "max_depth", "max_bins"),
      MllibLearner.GBT, Set.of("trees", "max_depth", "max_bins"),
      MllibLearner.LINEAR, Set.of("reg_param"),
      "mlp", Set.of("hidden", "activation", "dropout", "learning_rate", "batch_size", "max_epochs", "patience",
          "validation_fraction", "weight_decay", "ensemble"));

  private Learners() {}

  public static Set<String> names() {
    return new TreeSet<>(PARAMS.keySet());
  }

  /** The hyperparameter names of learner {@code name}, sorted; empty for an unknown learner. */
  public static Set<String> parameters(String name) {
    return new TreeSet<>(PARAMS.getOrDefault(name, Set.of()));
  }

  /** Whether fits of this learner run one at a time per JVM (the mlp: DJL's PyTorch training lock). */
  public static boolean trainsOneAtATime(String name) {
    return name.equals("mlp");
  }

  /**
   * A learner of {@code name} with {@code params} (missing ones take the learner's defaults).
   *
   * @param threads trees grown at once by learners that can (1 inside a Spark task: the task is the unit of
   *     parallelism)
   */
  /**
   * The distributed source learner of the settings.
   *
   * @throws SettingsException naming the keys, on a bad learner name or hyperparameter
   */
  public static MllibLearner distributed(Settings settings) {
    Settings.DistributedLearner d = settings.distributedSourceLearner();
    try {
      return new MllibLearner(d.name(), d.trees(), d.maxDepth(), d.maxBins(), d.regParam());
    } catch (IllegalArgumentException e) {
      throw new SettingsException("transferlake.learners.source.*: " + e.getMessage(), e);
    }
  }

  public static Learner create(String name, Map<String, String> params, int threads) {
    Set<String> known = PARAMS.get(name);
    if (known == null) {
      throw new IllegalArgumentException("learner '" + name + "' is not known (known: " + String.join(", ", names()) + ")");
    }
    for (String key : params.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("learner " + name + ": unknown hyperparameter '" + key + "' (known: "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    try {
      return switch (name) {
        case "forest" -> {
          ForestLearner d = ForestLearner.defaults();
          yield new ForestLearner(integer(params, "trees", d.trees()), number(params, "max_features", d.maxFeatures()),
              integer(params, "max_depth", d.maxDepth()), integer(params, "min_leaf", d.minLeaf()),
              bool(params, "calibrate", d.calibrate()), threads);
        }
        case "mlp" -> {
          MlpLearner d = MlpLearner.defaults();
          yield new MlpLearner(widths(params, "hidden", d.hidden()),
              params.containsKey("activation") ? MlpActivation.parse(params.get("activation")) : d.activation(),
              number(params, "dropout", d.dropout()), number(params, "learning_rate", d.learningRate()),
              integer(params, "batch_size", d.batchSize()), integer(params, "max_epochs", d.maxEpochs()),
              integer(params, "patience", d.patience()), number(params, "validation_fraction", d.validationFraction()),
              number(params, "weight_decay", d.weightDecay()), integer(params, "ensemble", d.ensemble()));
        }
        default -> new MllibLearner(name, integer(params, "trees", 50), integer(params, "max_depth", 15),
            integer(params, "max_bins", 64), number(params, "reg_param", 0.0));
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("learner " + name + ": " + e.getMessage(), e);
    }
  }

  private static int integer(Map<String, String> p, String key, int fallback) {
    String v = p.get(key);
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new NumberFormatException(key + " = " + v + ": expected a whole number");
    }
  }

  /** Layer widths written {@code 64x32} (or with commas, spaces or brackets: {@code [64, 32]}). */
  private static java.util.List<Integer> widths(Map<String, String> p, String key, java.util.List<Integer> fallback) {
    String v = p.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return java.util.Arrays.stream(v.replaceAll("[\\[\\]]", "").trim().split("[x,\\s]+"))
          .map(Integer::parseInt).toList();
    } catch (NumberFormatException e) {
      throw new NumberFormatException(key + " = " + v + ": expected layer widths such as 64x32");
    }
  }

  private static double number(Map<String, String> p, String key, double fallback) {
    String v = p.get(key);
    try {
      return v == null ? fallback : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new NumberFormatException(key + " = " + v + ": expected a number");
    }
  }

  private static boolean bool(Map<String, String> p, String key, boolean fallback) {
    String v = p.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw new NumberFormatException(key + " = " + v + ": expected true or false");
    }
    return Boolean.parseBoolean(v);
  }
}
