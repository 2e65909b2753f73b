package org.transferlake.train.campaign;

import java.util.List;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * A tiny campaign: 120 oxides of ten metals (ten chemical systems), three features, a value that rises with them
 * (about a sixth in the window 1.1-1.7), and a source that reads the value 0.5 too low for two in three of them.
 */
public final class CampaignData {
  public static final String[] METALS = {"Fe", "Mn", "Co", "Ni", "Cu", "Zn", "Ti", "V", "Cr", "Mg"};
  static final int ROWS = 120;

  public static final String DEFINITION = """
      name = tiny_campaign
      target = "band_gap/experiment/tiny"
      sources = [ { context = "band_gap/pbe/tiny" } ]
      features = magpie
      learners = [ { name = forest, grid { trees = [4], min-leaf = 2 } } ]
      repeats = 2
      seed = 11
      options { use-measured = true, source-learner { name = forest, trees = 6 } }
      campaign {
        goal = "window:1.1,1.7"
        initial-rows = 6
        batch = 3
        budget = 14
        arms = [
          { architecture = random }
          { architecture = source_only, acquisition = probability_in_window }
          { architecture = target_only, learner = forest, acquisition = probability_in_window }
          { architecture = difference, learner = forest, acquisition = probability_in_window }
        ]
      }
      """;

  private CampaignData() {}

  public static ExperimentDefinition experiment() {
    return ExperimentCatalog.parse(DEFINITION, "tiny_campaign.conf");
  }

  /** The target's values, by row. */
  public static double[] values() {
    double[] y = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      y[i] = 0.25 * (i % 10) + 0.08 * (i / 10) + 0.2 * Math.sin(i);
    }
    return y;
  }

  public static String[] keys() {
    String[] keys = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      int amount = i / 10 + 1;
      keys[i] = org.transferlake.composition.FormulaParser.parse(METALS[i % 10] + "O" + amount).key();
    }
    return keys;
  }

  public static double[][] features() {
    double[][] x = new double[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      x[i] = new double[] {i % 10, i / 10, Math.sin(i)};
    }
    return x;
  }

  /** The data with the target's values {@code y}. */
  public static ExperimentData data(double[] y) {
    Label label = Label.regression("band_gap");
    double[] source = values();
    for (int i = 0; i < source.length; i++) {
      source[i] -= 0.5;
    }
    // the source has two compositions in three; the source model predicts the rest
    int[] covered = java.util.stream.IntStream.range(0, ROWS).filter(i -> i % 3 != 0).toArray();
    ContextSet s = new ContextSet("band_gap/pbe/tiny", label, keys(), features(), source).subset(covered);
    return new ExperimentData(label, keys(), features(), y, new String[ROWS], new long[ROWS], new int[ROWS],
        List.of(s), "band_gap/experiment/tiny", List.of("f0", "f1", "f2"), new ValueRange(0, 30));
  }

  public static SourceModels sources(ExperimentDefinition e, ExperimentData data) {
    return SourceModels.of(data.sources(), Components.learner("forest").create(e.sourceParams(), 0), 0, e.seed());
  }

  public static CampaignRunner runner(double[] y) {
    ExperimentDefinition e = experiment();
    ExperimentData data = data(y);
    return new CampaignRunner(e, data, sources(e, data));
  }
}
