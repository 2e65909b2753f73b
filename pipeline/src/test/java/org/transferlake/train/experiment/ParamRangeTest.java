package org.transferlake.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Ranges random and halving search draw from: seeded, within their bounds, on their scale, written stably. */
class ParamRangeTest {
  private static List<Double> draws(ParamRange range, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Double.parseDouble(range.draw(random)));
    }
    return out;
  }

  @Test
  void theSameSeedDrawsTheSameValuesWithinTheBounds() {
    ParamRange uniform = ParamRange.parse(Map.of("uniform", List.of(0.2, 1.0)));
    assertEquals(draws(uniform, 50, 3), draws(uniform, 50, 3));
    assertTrue(!draws(uniform, 50, 3).equals(draws(uniform, 50, 4)), "another seed, other values");
    assertTrue(draws(uniform, 2000, 3).stream().allMatch(v -> v >= 0.2 && v <= 1.0));
  }

  @Test
  void aLogUniformRangeSpreadsEvenlyOverTheLogarithm() {
    ParamRange log = ParamRange.parse(Map.of("log-uniform", List.of(0.0001, 0.01)));
    List<Double> values = draws(log, 4000, 11);
    assertTrue(values.stream().allMatch(v -> v >= 0.0001 && v <= 0.01));
    long belowGeometricMean = values.stream().filter(v -> v < 0.001).count();
    assertEquals(0.5, belowGeometricMean / 4000.0, 0.03, "half below 10^-3, the middle of the logarithm");
    long lowestDecade = values.stream().filter(v -> v < 0.0002).count();
    assertEquals(Math.log10(2) / 2, lowestDecade / 4000.0, 0.03, "[1e-4, 2e-4) holds log10(2)/2 of the draws");
  }

  @Test
  void anIntUniformRangeDrawsEveryWholeNumberFromLowToHigh() {
    ParamRange ints = ParamRange.parse(Map.of("int-uniform", List.of(1, 5)));
    SplittableRandom random = new SplittableRandom(5);
    TreeSet<String> seen = new TreeSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(ints.draw(random));
    }
    assertEquals(new TreeSet<>(List.of("1", "2", "3", "4", "5")), seen);
  }

  @Test
  void drawnDecimalsKeepFourSignificantDigits() {
    assertEquals("0.0003127", ParamRange.text(0.000312745));
    assertEquals("0.5", ParamRange.text(0.5));
    assertEquals("2", ParamRange.text(2.0));
    assertEquals("1235", ParamRange.text(1234.5));
    ParamRange log = ParamRange.parse(Map.of("log-uniform", List.of(0.0003, 0.01)));
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      String v = log.draw(random);
      assertTrue(v.replace("0.", "").replaceFirst("^0+", "").length() <= ParamRange.DIGITS, v);
    }
  }

  @Test
  void aMalformedRangeSaysHowOneIsWritten() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ParamRange.parse(Map.of("loguniform",
        List.of(1, 2)))).getMessage().startsWith("loguniform: unknown range; expected a list of values or one range"));
    assertEquals("[0.0, 0.01]: a log-uniform range needs low > 0", assertThrows(IllegalArgumentException.class,
        () -> ParamRange.parse(Map.of("log-uniform", List.of(0, 0.01)))).getMessage());
    assertEquals("[1.0, 2.5]: an int-uniform range needs whole numbers", assertThrows(IllegalArgumentException.class,
        () -> ParamRange.parse(Map.of("int-uniform", List.of(1, 2.5)))).getMessage());
    assertEquals("uniform = [1]: expected [low, high], two numbers", assertThrows(IllegalArgumentException.class,
        () -> ParamRange.parse(Map.of("uniform", List.of(1)))).getMessage());
  }

  @Test
  void randomSearchDrawsSeededDistinctPointsFromListsAndRanges() {
    LearnerSpec spec = new LearnerSpec("forest", Map.of("trees", List.of("50", "100")), "random", 12,
        Map.of("max-features", ParamRange.parse(Map.of("uniform", List.of(0.2, 1.0))),
            "min-leaf", ParamRange.parse(Map.of("int-uniform", List.of(1, 5)))), 3, 0);
    List<Map<String, String>> points = spec.points(42);
    assertEquals(12, points.size());
    assertEquals(12, points.stream().distinct().count());
    assertEquals(points, spec.points(42), "the same seed, the same points");
    assertTrue(points.stream().allMatch(p -> p.keySet().equals(new TreeSet<>(List.of("max-features", "min-leaf",
        "trees")))));
    LearnerSpec small = new LearnerSpec("forest", Map.of(), "random", 12,
        Map.of("min-leaf", ParamRange.parse(Map.of("int-uniform", List.of(1, 3)))), 3, 0);
    assertEquals(3, small.points(42).size(), "no more points than the space holds");
  }
}
