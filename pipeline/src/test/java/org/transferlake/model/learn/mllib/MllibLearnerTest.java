package org.transferlake.model.learn.mllib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.ModelIO;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.model.transfer.SourceLearners;
import org.transferlake.testing.Synthetic;
import org.transferlake.testing.TestSpark;

class MllibLearnerTest {
  private static TrainingSet train;
  private static double[][] test;
  private static double[] truth;

  @BeforeAll
  static void data() {
    TestSpark.session();
    double[][] x = Synthetic.features(1500, 4, 1);
    train = TrainingSet.of(x, Synthetic.smooth(x, 0.05, 2), Label.regression("y"));
    test = Synthetic.features(200, 4, 3);
    truth = Synthetic.smooth(test, 0, 4);
  }

  @Test
  void distributedForestLearnsAndItsTreesSpreadGiveTheStandardDeviation() throws IOException {
    Model model = MllibLearner.randomForest(20, 8).fit(train, 5);
    Prediction p = model.predict(test);
    double mae = Synthetic.mae(p.mean(0), truth);
    assertTrue(mae < 0.25, "MLlib forest MAE " + mae);
    assertTrue(java.util.Arrays.stream(p.std(0)).allMatch(s -> s > 0), "every row has a tree spread");
    Model loaded = Components.readModel(ModelIO.toBytes(model), "mllib model");
    assertArrayEquals(p.mean(0), loaded.predict(test).mean(0));
    assertArrayEquals(p.std(0), loaded.predict(test).std(0));
    assertEquals("mllib_rf", loaded.provenance().learner());
    assertEquals(train.fingerprint(), loaded.provenance().dataFingerprint());
  }

  @Test
  void boostedAndLinearModelsCarryTheirResidualSpread() throws IOException {
    for (MllibLearner learner : new MllibLearner[] {new MllibLearner("mllib_gbt", 20, 4, 32, 0),
        new MllibLearner("mllib_linear", 1, 1, 2, 0.01)}) {
      Model model = learner.fit(train, 6);
      Prediction p = model.predict(test);
      double first = p.std(0)[0];
      assertTrue(first > 0);
      assertTrue(java.util.Arrays.stream(p.std(0)).allMatch(s -> s == first), learner.name() + ": one spread for all");
      assertArrayEquals(p.mean(0), Components.readModel(ModelIO.toBytes(model), "m").predict(test).mean(0));
    }
  }

  @Test
  void invalidSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MllibLearner("mllib_svm", 10, 5, 32, 0));
    assertThrows(IllegalArgumentException.class, () -> new MllibLearner("mllib_rf", 10, 31, 32, 0));
  }

  @Test
  void largeSourcesSwitchToTheDistributedLearner() {
    ForestLearner local = ForestLearner.defaults();
    MllibLearner distributed = MllibLearner.randomForest(10, 5);
    SourceLearners learners = new SourceLearners(local, distributed, 1000);
    assertSame(local, learners.forRows(1000));
    assertSame(distributed, learners.forRows(1001));
  }
}
