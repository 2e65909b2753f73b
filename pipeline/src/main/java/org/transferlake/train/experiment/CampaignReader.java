package org.transferlake.train.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.transferlake.config.SettingsException;
import org.transferlake.model.acquisition.Acquisition;
import org.transferlake.model.acquisition.Goal;
import org.transferlake.model.components.Components;
import org.transferlake.model.transfer.ArchitectureComponent;
import org.transferlake.model.transfer.SourceOnly;
import org.transferlake.model.transfer.TargetOnly;

/**
 * Reads an experiment's {@code campaign} block, refusing what cannot run: a goal that does not parse, sizes below
 * their floor, an arm whose learner is not in {@code learners} or has several grid points, a max or min goal
 * without its hit threshold, and a study without its baselines (random, source_only, target_only with each
 * acquisition a transfer arm uses).
 */
final class CampaignReader {
  private final BiFunction<String, String, SettingsException> error;
  private final Config c;

  private CampaignReader(BiFunction<String, String, SettingsException> error, Config campaign) {
    this.error = error;
    this.c = campaign;
  }

  /**
   * @param error builds the error for a key path and a reason, naming the file
   * @param campaign the block's keys
   * @param hasSources whether the experiment lists a source (source_only needs one)
   */
  static CampaignSpec read(BiFunction<String, String, SettingsException> error, Config campaign,
      List<LearnerSpec> learners, long seed, boolean hasSources) {
    return new CampaignReader(error, campaign).read(learners, seed, hasSources);
  }

  private CampaignSpec read(List<LearnerSpec> learners, long seed, boolean hasSources) {
    Goal goal;
    try {
      goal = Goal.parse(string("goal"));
    } catch (IllegalArgumentException e) {
      throw error.apply("campaign.goal", e.getMessage());
    }
    int initial = atLeast("initial-rows", 5);
    int batch = atLeast("batch", 1);
    int budget = atLeast("budget", 1);
    int perGroup = atLeast("per-group", 0);
    double above = number("hit-above");
    double below = number("hit-below");
    if (goal.kind() == Goal.Kind.MAX && Double.isNaN(above)) {
      throw error.apply("campaign.hit-above", "goal max needs the value a hit reaches, e.g. hit-above = 3.0");
    }
    if (goal.kind() == Goal.Kind.MIN && Double.isNaN(below)) {
      throw error.apply("campaign.hit-below", "goal min needs the value a hit stays at or below, e.g. hit-below = 0.5");
    }
    if (goal.kind() != Goal.Kind.MAX && !Double.isNaN(above)) {
      throw error.apply("campaign.hit-above", "only goal max takes it (a window's hits are the values inside it)");
    }
    if (goal.kind() != Goal.Kind.MIN && !Double.isNaN(below)) {
      throw error.apply("campaign.hit-below", "only goal min takes it (a window's hits are the values inside it)");
    }
    List<Integer> hitsFor = new ArrayList<>();
    for (Object n : list("hits-for")) {
      try {
        int v = Integer.parseInt(String.valueOf(n));
        if (v < 1) {
          throw new NumberFormatException();
        }
        hitsFor.add(v);
      } catch (NumberFormatException e) {
        throw error.apply("campaign.hits-for", "'" + n + "' is not a hit count (1 or more)");
      }
    }
    List<CampaignSpec.Arm> arms = arms(goal, learners, seed, hasSources);
    String declared = c.hasPath("declared-best") ? string("declared-best") : null;
    if (declared != null && arms.stream().noneMatch(a -> a.name().equals(declared))) {
      throw error.apply("campaign.declared-best", "'" + declared + "' is not an arm (arms: " + String.join(", ",
          arms.stream().map(CampaignSpec.Arm::name).toList()) + ")");
    }
    return new CampaignSpec(goal, initial, batch, budget, perGroup, above, below, hitsFor, declared, arms);
  }

  private List<CampaignSpec.Arm> arms(Goal goal, List<LearnerSpec> learners, long seed, boolean hasSources) {
    List<? extends Config> list;
    try {
      list = c.getConfigList("arms");
    } catch (ConfigException e) {
      throw error.apply("campaign.arms", "expected a list of { architecture = difference, learner = forest,"
          + " acquisition = probability_in_window }");
    }
    List<CampaignSpec.Arm> arms = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      CampaignSpec.Arm arm = arm("campaign.arms[" + i + "]", list.get(i), goal, learners, seed, hasSources);
      if (!names.add(arm.name())) {
        throw error.apply("campaign.arms[" + i + "]", "arm " + arm.name() + " is listed twice");
      }
      arms.add(arm);
    }
    requireBaselines(arms);
    return arms;
  }

  private CampaignSpec.Arm arm(String at, Config a, Goal goal, List<LearnerSpec> learners, long seed,
      boolean hasSources) {
    String architecture = a.hasPath("architecture") ? a.getString("architecture") : "";
    if (architecture.equals(CampaignSpec.RANDOM)) {
      if (a.hasPath("learner") || a.hasPath("acquisition")) {
        throw error.apply(at, "random fits no model and scores nothing: give it no learner or acquisition");
      }
      return new CampaignSpec.Arm(CampaignSpec.RANDOM, null, Map.of(), null);
    }
    ArchitectureComponent component;
    try {
      component = Components.architecture(architecture);
    } catch (IllegalArgumentException e) {
      throw error.apply(at + ".architecture", "'" + architecture + "': expected random or an architecture ("
          + e.getMessage() + ")");
    }
    if (component.sourceUse() == ArchitectureComponent.SourceUse.POOLS_ROWS) {
      throw error.apply(at + ".architecture", architecture + " pools the source's rows with the target's and would"
          + " refit on them every round; campaigns take the architectures that use source models or none (e.g."
          + " target_only, source_only, difference, latent_variable)");
    }
    if (component.usesSources() && !hasSources) {
      throw error.apply(at + ".architecture", architecture + " needs a context in 'sources'");
    }
    Acquisition acquisition;
    try {
      acquisition = a.hasPath("acquisition") ? Acquisition.parse(a.getString("acquisition")).requireValidFor(goal)
          : Acquisition.defaultFor(goal);
    } catch (IllegalArgumentException e) {
      throw error.apply(at + ".acquisition", e.getMessage());
    }
    if (!component.usesLearner()) {
      if (a.hasPath("learner")) {
        throw error.apply(at + ".learner", architecture + " fits no learner on target rows; remove the learner");
      }
      return new CampaignSpec.Arm(architecture, null, Map.of(), acquisition);
    }
    String learner = a.hasPath("learner") ? a.getString("learner") : "";
    LearnerSpec spec = learners.stream().filter(l -> l.name().equals(learner)).findFirst().orElseThrow(() ->
        error.apply(at + ".learner", "'" + learner + "' is not in 'learners' (" + String.join(", ",
            learners.stream().map(LearnerSpec::name).toList()) + ")"));
    List<Map<String, String>> points = spec.points(seed);
    if (points.size() != 1) {
      throw error.apply(at + ".learner", learner + " has " + points.size() + " grid points; a campaign fits one"
          + " (give each hyperparameter one value)");
    }
    return new CampaignSpec.Arm(architecture, learner, points.get(0), acquisition);
  }

  /** Every campaign study compares with random order, the source's ranking, and target_only scoring alike. */
  private void requireBaselines(List<CampaignSpec.Arm> arms) {
    if (arms.stream().noneMatch(CampaignSpec.Arm::random)) {
      throw error.apply("campaign.arms", "a campaign needs the random baseline: add { architecture = random }");
    }
    boolean transfer = arms.stream().anyMatch(a -> !a.random() && Components.architecture(a.architecture())
        .usesSources());
    if (transfer && arms.stream().noneMatch(a -> a.architecture().equals(SourceOnly.NAME))) {
      throw error.apply("campaign.arms", "a campaign with sources needs the source_only ranking: add"
          + " { architecture = source_only }");
    }
    for (CampaignSpec.Arm a : arms) {
      if (!a.random() && !a.architecture().equals(TargetOnly.NAME) && !a.architecture().equals(SourceOnly.NAME)
          && arms.stream().noneMatch(t -> t.architecture().equals(TargetOnly.NAME)
              && t.acquisition() == a.acquisition())) {
        throw error.apply("campaign.arms", a.name() + " needs target_only with the same acquisition: add"
            + " { architecture = target_only, learner = " + a.learner() + ", acquisition = " + a.acquisition().key()
            + " }");
      }
    }
  }

  private String string(String key) {
    try {
      return c.getString(key);
    } catch (ConfigException.Missing e) {
      throw error.apply("campaign." + key, "missing");
    } catch (ConfigException e) {
      throw error.apply("campaign." + key, "expected a string");
    }
  }

  private int atLeast(String key, int floor) {
    int v;
    try {
      v = c.hasPath(key) ? c.getInt(key) : (Integer) ExperimentSchema.fallback("campaign." + key);
    } catch (ConfigException e) {
      throw error.apply("campaign." + key, "expected a whole number");
    }
    if (v < floor) {
      throw error.apply("campaign." + key, v + ": expected " + floor + " or more");
    }
    return v;
  }

  private double number(String key) {
    if (!c.hasPath(key)) {
      return Double.NaN;
    }
    try {
      double v = c.getDouble(key);
      if (!Double.isFinite(v)) {
        throw new ConfigException.BadValue(key, "not finite");
      }
      return v;
    } catch (ConfigException e) {
      throw error.apply("campaign." + key, "expected a number");
    }
  }

  private List<?> list(String key) {
    try {
      return c.hasPath(key) ? c.getAnyRefList(key) : (List<?>) ExperimentSchema.fallback("campaign." + key);
    } catch (ConfigException e) {
      throw error.apply("campaign." + key, "expected a list");
    }
  }
}
