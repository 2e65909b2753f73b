package org.transferlake.model.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSetTest {
  private static final double[][] X = {{1}, {2}, {3}};
  private static final double[] Y = {0.5, 0.0, 2.0};

  @Test
  void aPredictionIsTakenAsItsUserTakesItOffsetAndMovedIntoTheRange() {
    // A correction to source values 0.2, 1.0, 3.0 whose sum must be a band gap: at least 0.
    TrainingSet set = TrainingSet.of(X, Y, Label.regression("residual"))
        .bounded(0, new ValueRange(0, 30), new double[] {0.2, 1.0, 3.0});
    assertEquals(-0.2, set.asUsed(0, 0, -0.5), 1e-12, "0.2 - 0.5 is below 0: the sum moves to 0");
    assertEquals(-0.5, set.asUsed(1, 0, -0.5), 1e-12, "1.0 - 0.5 is inside");
    assertEquals(27.0, set.asUsed(2, 0, 40), 1e-12, "3 + 40 moves to 30");
    TrainingSet subset = set.subset(new int[] {2, 0});
    assertEquals(-3.0, subset.asUsed(0, 0, -4), 1e-12, "the offsets follow their rows");
    assertEquals(-0.2, subset.asUsed(1, 0, -4), 1e-12);
  }

  @Test
  void theRowsThatCalibrateFollowTheirRowsThroughSubsetsAndBounds() {
    TrainingSet set = TrainingSet.of(X, Y, Label.regression("y")).calibratedOn(new boolean[] {true, false, true})
        .bounded(0, new ValueRange(0, 30), null);
    assertEquals(List.of(true, false, true), List.of(set.calibrates(0), set.calibrates(1), set.calibrates(2)));
    TrainingSet subset = set.subset(new int[] {1, 2});
    assertEquals(List.of(false, true), List.of(subset.calibrates(0), subset.calibrates(1)));
    assertEquals(true, TrainingSet.of(X, Y, Label.regression("y")).calibrates(1), "no flags: every row");
    assertThrows(IllegalArgumentException.class, () -> set.calibratedOn(new boolean[] {true}));
  }

  @Test
  void withoutBoundsOrOnAnotherLabelThePredictionIsUnchanged() {
    assertEquals(-7, TrainingSet.of(X, Y, Label.regression("y")).asUsed(0, 0, -7), 0.0);
    TrainingSet two = new TrainingSet(X, new double[][] {{1, 2}, {3, 4}, {5, 6}},
        List.of(Label.regression("a"), Label.regression("b"))).bounded(1, new ValueRange(0, 1), null);
    assertEquals(-7, two.asUsed(0, 0, -7), 0.0);
    assertEquals(0, two.asUsed(0, 1, -7), 0.0);
  }

  @Test
  void boundsOnAClassLabelOrWithTheWrongNumberOfOffsetsAreRefused() {
    TrainingSet classes = TrainingSet.of(X, new double[] {0, 1, 0}, Label.classification("c", List.of("a", "b")));
    assertThrows(IllegalArgumentException.class, () -> classes.bounded(0, new ValueRange(0, 1), null));
    TrainingSet set = TrainingSet.of(X, Y, Label.regression("y"));
    assertThrows(IllegalArgumentException.class, () -> set.bounded(0, new ValueRange(0, 1), new double[] {1}));
  }
}
