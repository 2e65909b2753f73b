package org.transferlake.model.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ValueRangeTest {
  @Test
  void aMeanOutsideMovesToTheBoundAndItsSigmaBecomesTheSpreadAboutTheBound() {
    ValueRange gap = new ValueRange(0, 30);
    ValueRange.Within w = gap.apply(new double[] {-1.5, 0.0, 2.0, 31.0}, new double[] {0.2, 0.3, 0.4, 0.0});
    assertArrayEquals(new double[] {0.0, 0.0, 2.0, 30.0}, w.mean());
    // sqrt(0.2² + 1.5²) and sqrt(0² + 1²); rows inside keep their σ
    assertArrayEquals(new double[] {Math.sqrt(0.04 + 2.25), 0.3, 0.4, 1.0}, w.std(), 1e-12);
    assertArrayEquals(new boolean[] {true, false, false, true}, w.moved());
  }

  @Test
  void anUnboundedRangeMovesNothingAndABackwardRangeIsRefused() {
    ValueRange.Within w = ValueRange.ANY.apply(new double[] {-1e9, 1e9}, new double[] {1, 2});
    assertArrayEquals(new double[] {-1e9, 1e9}, w.mean());
    assertArrayEquals(new boolean[] {false, false}, w.moved());
    assertThrows(IllegalArgumentException.class, () -> new ValueRange(1, 0));
  }
}
