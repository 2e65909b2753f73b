package org.transferlake.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsException;
import org.transferlake.model.acquisition.Acquisition;
import org.transferlake.model.acquisition.Goal;

/** The campaign block: what it reads, and each refusal naming the file, the key and the fix. */
class CampaignSchemaTest {
  private static final String HEAD = """
      name = c
      target = "band_gap/experiment/matbench_expt_gap"
      sources = [ { context = "band_gap/pbe/matbench_mp_gap" } ]
      features = magpie
      learners = [ { name = forest, grid { trees = [8] } } ]
      """;
  private static final String ARMS = """
        arms = [
          { architecture = random }
          { architecture = source_only }
          { architecture = target_only, learner = forest }
          { architecture = difference, learner = forest }
        ]
      """;

  private static ExperimentDefinition parse(String campaign) {
    return ExperimentCatalog.parse(HEAD + "campaign {\n" + campaign + "\n}\n", "c.conf");
  }

  private static String refusal(String campaign) {
    return assertThrows(SettingsException.class, () -> parse(campaign)).getMessage();
  }

  @Test
  void aCampaignReadsItsKeysWithTheSchemasDefaults() {
    ExperimentDefinition e = parse("goal = \"window:1.1,1.7\"\n" + ARMS);
    CampaignSpec c = e.campaign();
    assertEquals(Goal.window(1.1, 1.7), c.goal());
    assertEquals(List.of(20, 5, 200, 1), List.of(c.initialRows(), c.batch(), c.budget(), c.perGroup()));
    assertEquals(List.of(1, 5, 10), c.hitsFor());
    assertEquals(List.of("random", "source_only+probability_in_window", "target_only+forest+probability_in_window",
        "difference+forest+probability_in_window"), c.arms().stream().map(CampaignSpec.Arm::name).toList());
    assertEquals(Acquisition.PROBABILITY_IN_WINDOW, c.arms().get(3).acquisition(), "the goal's default");
    assertEquals(List.of("source_only", "target_only", "difference"), e.architectures(), "from the arms");
    assertTrue(c.hit(1.1) && c.hit(1.7) && !c.hit(1.0));
  }

  @Test
  void eachRefusalNamesTheFileTheKeyAndTheFix() {
    assertEquals("c.conf: campaign.bugdet: unknown key; did you mean campaign.budget? (known: arms, batch, budget,"
        + " declared-best, goal, hit-above, hit-below, hits-for, initial-rows, per-group)",
        refusal("goal = max\nhit-above = 3\nbugdet = 10\n" + ARMS));
    assertTrue(refusal("goal = \"window:2,1\"\n" + ARMS).startsWith("c.conf: campaign.goal: goal 'window:2,1': LO"));
    assertEquals("c.conf: campaign.hit-above: goal max needs the value a hit reaches, e.g. hit-above = 3.0",
        refusal("goal = max\n" + ARMS));
    assertEquals("c.conf: campaign.arms: a campaign needs the random baseline: add { architecture = random }",
        refusal("goal = min\nhit-below = 0.5\n" + ARMS.replace("{ architecture = random }", "")));
    assertEquals("c.conf: campaign.arms: difference+forest+mean needs target_only with the same acquisition: add"
        + " { architecture = target_only, learner = forest, acquisition = mean }",
        refusal("goal = max\nhit-above = 3\n" + ARMS.replace("{ architecture = difference, learner = forest }",
            "{ architecture = difference, learner = forest, acquisition = mean }")));
    assertTrue(refusal("goal = max\nhit-above = 3\n" + ARMS.replace("{ architecture = source_only }", ""))
        .contains("needs the source_only ranking"));
    assertTrue(refusal("goal = max\nhit-above = 3\ninitial-rows = 2\n" + ARMS)
        .startsWith("c.conf: campaign.initial-rows: 2: expected 5 or more"));
    assertTrue(refusal("goal = \"window:1,2\"\n" + ARMS.replace("learner = forest }",
        "learner = forest, acquisition = expected_improvement }")).startsWith(
        "c.conf: campaign.arms[2].acquisition: acquisition expected_improvement does not apply to goal window:1,2"));
    assertTrue(refusal("goal = max\nhit-above = 3\ndeclared-best = difference\n" + ARMS)
        .startsWith("c.conf: campaign.declared-best: 'difference' is not an arm"));
    assertTrue(refusal("goal = max\nhit-above = 3\n" + ARMS.replace("target_only, learner = forest",
        "naive_union, learner = forest")).contains("campaign.arms[2].architecture: naive_union pools"));
  }

  @Test
  void aLabelTargetIsRefusedBeforeAnyWork(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("c.conf"), HEAD.replace("band_gap/experiment/matbench_expt_gap",
        "is_metal/experiment/matbench_expt_is_metal").replace("sources = [ { context = \"band_gap/pbe/matbench_mp_gap\" } ]\n",
        "") + "campaign {\ngoal = max\nhit-above = 1\narms = [ { architecture = random }, { architecture = target_only,"
        + " learner = forest, acquisition = mean } ]\n}\n");
    String message = assertThrows(SettingsException.class, () -> ExperimentCatalog.load(List.of(dir.toFile()), "c",
        new org.transferlake.config.SettingsLoader().withoutSystemProperties().load().properties())).getMessage();
    assertTrue(message.endsWith("c.conf: campaign: simulated campaigns take regression targets only; the target"
        + " is_metal/experiment/matbench_expt_is_metal is a label (use a numeric property's context, or remove the"
        + " campaign block)"), message);
  }

  @Test
  void aCampaignTakesOneGridPointNoArchitecturesKeyAndNoLabels() {
    String twoPoints = HEAD.replace("trees = [8]", "trees = [8, 16]") + "campaign {\ngoal = max\nhit-above = 3\n"
        + ARMS + "}\n";
    assertEquals("c.conf: campaign.arms[2].learner: forest has 2 grid points; a campaign fits one (give each"
        + " hyperparameter one value)", assertThrows(SettingsException.class,
        () -> ExperimentCatalog.parse(twoPoints, "c.conf")).getMessage());
    String both = HEAD + "architectures = [target_only]\ncampaign {\ngoal = max\nhit-above = 3\n" + ARMS + "}\n";
    assertTrue(assertThrows(SettingsException.class, () -> ExperimentCatalog.parse(both, "c.conf")).getMessage()
        .startsWith("c.conf: architectures: a campaign's arms name their architectures"));
    String label = HEAD + "target-classes { a = [x] }\ncampaign {\ngoal = max\nhit-above = 3\n" + ARMS + "}\n";
    assertTrue(assertThrows(SettingsException.class, () -> ExperimentCatalog.parse(label, "c.conf")).getMessage()
        .startsWith("c.conf: campaign: a campaign seeks values of a numeric target"));
  }
}
