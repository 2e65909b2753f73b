package org.transferlake.model.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoalAndAcquisitionParsingTest {
  @Test
  void goalsAreReadAsWritten() {
    assertEquals(Goal.window(1.1, 1.7), Goal.parse("window:1.1,1.7"));
    assertEquals(Goal.window(1.1, 1.7), Goal.parse(" Window: 1.1 , 1.7 "));
    assertEquals(Goal.window(3, Double.POSITIVE_INFINITY), Goal.parse("window:3,infinity"));
    assertEquals(Goal.max(), Goal.parse("max"));
    assertEquals(Goal.min(), Goal.parse("MIN"));
    assertEquals("window:1.1,1.7", Goal.parse("window:1.1,1.7").toString());
    assertEquals("window:1,2", Goal.window(1, 2).toString());
    assertEquals("max", Goal.max().toString());
  }

  @Test
  void aBadGoalSaysWhatIsAccepted() {
    assertEquals("goal 'maximum': expected window:LO,HI (LO below HI, e.g. window:1.1,1.7), max or min",
        message(() -> Goal.parse("maximum")));
    assertEquals("goal 'window:1.7,1.1': LO 1.7 must be below HI 1.1", message(() -> Goal.parse("window:1.7,1.1")));
    assertEquals("goal 'window:1.1': a window has two ends, LO,HI (e.g. window:1.1,1.7)",
        message(() -> Goal.parse("window:1.1")));
    assertEquals("goal 'window:a,2': 'a' is not a number (expected window:LO,HI (LO below HI, e.g. window:1.1,1.7),"
        + " max or min)", message(() -> Goal.parse("window:a,2")));
    message(() -> Goal.parse("window:NaN,2"));
    message(() -> Goal.parse(null));
  }

  @Test
  void acquisitionsByNameAndTheDefaultOfEachGoal() {
    assertEquals(Acquisition.EXPECTED_IMPROVEMENT, Acquisition.parse("expected_improvement"));
    assertEquals(Acquisition.PROBABILITY_IN_WINDOW, Acquisition.defaultFor(Goal.window(0, 1)));
    assertEquals(Acquisition.EXPECTED_IMPROVEMENT, Acquisition.defaultFor(Goal.max()));
    assertEquals(Acquisition.EXPECTED_IMPROVEMENT, Acquisition.defaultFor(Goal.min()));
    assertEquals("acquisition 'ei': unknown; expected one of probability_in_window, expected_improvement,"
        + " probability_of_improvement, upper_confidence_bound, lower_confidence_bound, max_uncertainty, mean",
        message(() -> Acquisition.parse("ei")));
  }

  @Test
  void eachGoalTakesOnlyItsFunctionsAndARefusalNamesThem() {
    assertEquals(List.of(Acquisition.PROBABILITY_IN_WINDOW, Acquisition.MAX_UNCERTAINTY, Acquisition.MEAN),
        Acquisition.validFor(Goal.window(0, 1)));
    assertEquals(List.of(Acquisition.EXPECTED_IMPROVEMENT, Acquisition.PROBABILITY_OF_IMPROVEMENT,
        Acquisition.UPPER_CONFIDENCE_BOUND, Acquisition.MAX_UNCERTAINTY, Acquisition.MEAN),
        Acquisition.validFor(Goal.max()));
    assertEquals(List.of(Acquisition.EXPECTED_IMPROVEMENT, Acquisition.PROBABILITY_OF_IMPROVEMENT,
        Acquisition.LOWER_CONFIDENCE_BOUND, Acquisition.MAX_UNCERTAINTY, Acquisition.MEAN),
        Acquisition.validFor(Goal.min()));
    assertEquals("acquisition expected_improvement does not apply to goal window:1.1,1.7: for a window use one of"
        + " probability_in_window, max_uncertainty, mean", message(() -> AcquisitionFunction.of(
            Acquisition.EXPECTED_IMPROVEMENT, Goal.window(1.1, 1.7), 1.0)));
    assertEquals("acquisition probability_in_window does not apply to goal max: for max use one of"
        + " expected_improvement, probability_of_improvement, upper_confidence_bound, max_uncertainty, mean",
        message(() -> Acquisition.PROBABILITY_IN_WINDOW.requireValidFor(Goal.max())));
    message(() -> Acquisition.UPPER_CONFIDENCE_BOUND.requireValidFor(Goal.min()));
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }
}
