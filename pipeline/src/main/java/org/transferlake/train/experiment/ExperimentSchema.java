package org.transferlake.train.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.transferlake.model.acquisition.Acquisition;
import org.transferlake.model.components.Components;

/**
 * Every key of an experiment file ({@code conf/experiments/*.conf}), declared once with its kind, its default and
 * its meaning, as {@code reference.conf} declares the settings. {@code []} in a path stands for each element of a
 * list of objects.
 */
public final class ExperimentSchema {
  /** What a key holds. */
  public enum Kind {
    STRING,
    WHOLE_NUMBER,
    /** A decimal number. */
    NUMBER,
    BOOLEAN,
    LIST,
    /** One string, or a list of strings. */
    ONE_OR_MORE,
    /** An object of the keys declared under it. */
    OBJECT,
    /** An optional object of the keys declared under it: present, it changes what the experiment is. */
    BLOCK,
    /** A list of objects, each of the keys declared under {@code path[]}. */
    OBJECT_LIST,
    /** An object of any keys. */
    FREE_MAP,
    /** A learner: its {@code name} and that learner's hyperparameters (its params in the component registry). */
    LEARNER,
    /** The hyperparameters of the learner named beside this key, each a value or a list of values. */
    LEARNER_GRID
  }

  /**
   * @param fallback the value when the key is absent, or null where it has none (required, or absent means none)
   */
  public record Key(String path, Kind kind, Object fallback, String meaning) {}

  private static final Map<String, Key> KEYS = declare(
      key("name", Kind.STRING, null, "the experiment's name, lower snake case: the file is <name>.conf"),
      key("description", Kind.STRING, "", "one line on what the experiment compares"),
      key("target", Kind.STRING, null, "the target context, property/fidelity/source_id"),
      key("sources", Kind.OBJECT_LIST, null, "the source contexts, none for target_only alone"),
      key("sources[].context", Kind.STRING, null, "a source context, property/fidelity/source_id; or a chain, a"
          + " list of two or more contexts of one property, [\"band_gap/pbe/matbench_mp_gap\","
          + " \"band_gap/pbe/oqmd_gap\"]: a composition takes the value of the first link that holds it"),
      key("sources[].aggregate", Kind.STRING, "median",
          "how a composition's several values (in a chain, a link's) become one: mean, median, min,"
          + " closest_to_mean"),
      key("allow-experimental-sources", Kind.FREE_MAP, null, "experimental sources of the target's property used"
          + " anyway (else refused as a possible leak): \"property/fidelity/source_id\" = \"why it is sound\""),
      key("features", Kind.ONE_OR_MORE, null, "the feature preset (the table features.<preset>), or a list of them"
          + " compared like hyperparameters (unit ids and params then say features=<preset>); a combination"
          + " \"a+b\", quoted, joins the columns of presets a and b"),
      key("architectures", Kind.LIST, null, "the architectures compared: " + architectures()),
      key("learners", Kind.OBJECT_LIST, null, "the learners, each with its hyperparameter grid"),
      key("learners[].name", Kind.STRING, null, "the learner: " + String.join(", ", Components.learnerNames())),
      key("learners[].grid", Kind.LEARNER_GRID, null, "hyperparameter = value or list of values, or (random and"
          + " halving search) a range drawn from: { uniform = [0.2, 1.0] }, { log-uniform = [0.0003, 0.01] },"
          + " { int-uniform = [1, 5] }; drawn decimals keep " + ParamRange.DIGITS + " significant digits"),
      key("learners[].search", Kind.STRING, "grid", "grid (every point), random (samples points, seeded) or halving"
          + " (successive halving of samples seeded points, or of every grid point where samples is 0: rungs score"
          + " them on the inner folds at a share of the budget, the best 1/eta go on, the last rung's train in full)"),
      key("learners[].samples", Kind.WHOLE_NUMBER, 0, "the points random and halving search draw; halving: 0 takes"
          + " every grid point"),
      key("learners[].eta", Kind.WHOLE_NUMBER, 3, "halving: each rung keeps the best 1/eta of its candidates (2 or"
          + " more), the next at eta times the budget"),
      key("learners[].min-resource", Kind.NUMBER, null, "halving: rung 0's share of the full budget (trees for"
          + " forest, max-epochs for mlp, else rows), in (0, 1/eta], rounded to a power of 1/eta; default: rungs"
          + " enough that about eta candidates reach the full budget"),
      key("cv", Kind.OBJECT, null, "the outer cross-validation"),
      key("cv.folds", Kind.WHOLE_NUMBER, 5, "folds grouped by composition key"),
      key("cv.assign", Kind.STRING, "shuffle", "shuffle (seeded) or hash (of the key: experiments share folds)"),
      key("cv.seed", Kind.WHOLE_NUMBER, null, "the shuffle's seed; default: seed"),
      key("cv.fold-table", Kind.STRING, null,
          "a table of official folds, relative to transferlake.experiments.reference-dir; replaces folds"),
      key("inner-folds", Kind.WHOLE_NUMBER, 0, "inner validation folds choosing hyperparameters; 0 chooses none"),
      key("learning-curve", Kind.LIST, List.of("all"), "training-set sizes, 5 or more, or all"),
      key("repeats", Kind.WHOLE_NUMBER, 1, "repeats of every unit, each with its own seed"),
      key("seed", Kind.WHOLE_NUMBER, 42, "the experiment's seed"),
      key("target-classes", Kind.FREE_MAP, null, "for a label target: class = [raw labels], \"*\" for the rest"),
      key("options", Kind.OBJECT, null, "how the architectures use the sources"),
      key("options.use-measured", Kind.BOOLEAN, true,
          "a composition's measured source value stands in for the predicted one"),
      key("options.cross-fit-folds", Kind.WHOLE_NUMBER, 5,
          "folds cross-fitting the source models when not use-measured; 0: none"),
      key("options.add-source-variance", Kind.BOOLEAN, false,
          "latent_variable's and difference's variance adds the predicted sources' (their own σ is calibrated on"
              + " rows whose source values were predicted too)"),
      key("options.union-source-rows", Kind.WHOLE_NUMBER, 0, "source rows the union architectures pool; 0: all"),
      // What every shipped experiment uses: on MP's 78,000 compositions a third of the cost of 100 full trees.
      key("options.source-learner", Kind.LEARNER, Map.of("trees", "30", "max-features", "0.33", "min-leaf", "2"),
          "the learner of the source models; the default's hyperparameters"),
      key("options.source-learner.name", Kind.STRING, "forest", "the source models' learner"),
      key("campaign", Kind.BLOCK, null, "a simulated campaign instead of cross-validation: the target's rows are"
          + " the candidates, their values hidden until an arm measures them (regression targets only; the arms name"
          + " the architectures, so 'architectures' is left out)"),
      key("campaign.goal", Kind.STRING, null, "what is sought: window:LO,HI (a value in [LO, HI]), max or min"),
      key("campaign.initial-rows", Kind.WHOLE_NUMBER, 20, "seeded random rows measured before round 1, the same"
          + " for every arm of a repeat; not counted as experiments"),
      key("campaign.batch", Kind.WHOLE_NUMBER, 5, "experiments per round"),
      key("campaign.budget", Kind.WHOLE_NUMBER, 200, "experiments per arm and repeat; the campaign stops there"),
      key("campaign.per-group", Kind.WHOLE_NUMBER, 1, "the most compositions of one chemical system in a batch;"
          + " 0 for no limit"),
      key("campaign.hit-above", Kind.NUMBER, null, "for goal max: a measured value at least this is a hit"),
      key("campaign.hit-below", Kind.NUMBER, null, "for goal min: a measured value at most this is a hit"),
      key("campaign.hits-for", Kind.LIST, List.of(1, 5, 10), "hit counts whose experiments needed the report gives"),
      key("campaign.declared-best", Kind.STRING, null, "the arm declared best before the study ran (its name, e.g."
          + " difference+forest+probability_in_window): the report tests its goals"),
      key("campaign.arms", Kind.OBJECT_LIST, null, "the strategies: random, source_only and target_only (with each"
          + " acquisition a transfer arm uses) are required baselines"),
      key("campaign.arms[].architecture", Kind.STRING, null, "random (a seeded order, no model) or an architecture"),
      key("campaign.arms[].learner", Kind.STRING, null, "one of 'learners' (a single grid point); none for random"
          + " and source_only"),
      key("campaign.arms[].acquisition", Kind.STRING, null, "how candidates are scored: "
          + String.join(", ", java.util.Arrays.stream(Acquisition.values()).map(Acquisition::key).toList())
          + "; default the goal's (probability_in_window for a window, expected_improvement otherwise)"));

  private ExperimentSchema() {}

  /** Every key, in declaration order. */
  public static List<Key> keys() {
    return List.copyOf(KEYS.values());
  }

  /** The key at {@code path}, or null where none is declared. */
  public static Key find(String path) {
    return KEYS.get(path);
  }

  /** The default of the key at {@code path} (null where it has none). */
  public static Object fallback(String path) {
    Key key = KEYS.get(path);
    if (key == null) {
      throw new IllegalArgumentException("no experiment key " + path);
    }
    return key.fallback();
  }

  /** The names declared right under {@code path} ("" for the top level), sorted. */
  public static SortedSet<String> children(String path) {
    String prefix = path.isEmpty() ? "" : path + ".";
    SortedSet<String> out = new TreeSet<>();
    for (String p : KEYS.keySet()) {
      String rest = p.startsWith(prefix) ? p.substring(prefix.length()) : "";
      if (!rest.isEmpty() && !rest.contains(".") && !rest.contains("[")) {
        out.add(rest);
      }
    }
    return out;
  }

  /** The registered architectures, and the wrappers any of them takes. */
  private static String architectures() {
    return String.join(", ", Components.architectureNames()) + "; each also as " + String.join(", ",
        Components.wrappers().stream().map(w -> w.prefix() + "<name>").toList());
  }

  private static Key key(String path, Kind kind, Object fallback, String meaning) {
    return new Key(path, kind, fallback, meaning);
  }

  private static Map<String, Key> declare(Key... keys) {
    Map<String, Key> out = new LinkedHashMap<>();
    for (Key k : keys) {
      out.put(k.path(), k);
    }
    return out;
  }
}
