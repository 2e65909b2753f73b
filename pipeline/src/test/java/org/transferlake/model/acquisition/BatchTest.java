package org.transferlake.model.acquisition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {
  /** Three Ga–N compositions lead; then Zn–O and a tie between Cd–Te and As–Ga. */
  private static final List<Candidate> CANDIDATES = List.of(
      new Candidate("GaN", "Ga-N", 0.9),         // 0
      new Candidate("Ga3N", "Ga-N", 0.8),        // 1
      new Candidate("GaN3", "Ga-N", 0.7),        // 2
      new Candidate("OZn", "O-Zn", 0.6),         // 3
      new Candidate("CdTe", "Cd-Te", 0.5),       // 4
      new Candidate("AsGa", "As-Ga", 0.5),       // 5: ties with CdTe, first by key
      new Candidate("Nope", null, Double.NaN));  // 6: not scored

  @Test
  void atMostOnePerChemicalSystemByDefaultAndTiesByKey() {
    Batch batch = Batch.select(CANDIDATES, 3, Batch.DEFAULT_PER_GROUP);
    assertEquals(List.of(0, 3, 5), batch.chosen(), "GaN, then ZnO, then AsGa before CdTe");
    // the batch first, then the others by value: Ga3N, GaN3, CdTe
    assertArrayEquals(new int[] {1, 4, 5, 2, 6, 3, 0}, batch.ranks());
    assertTrue(batch.inBatch(5));
    assertFalse(batch.inBatch(4));
    assertFalse(batch.inBatch(6));
    assertEquals(0, batch.rank(6), "no value, no rank");
  }

  @Test
  void twoPerSystemOrNoLimit() {
    assertEquals(List.of(0, 1, 3), Batch.select(CANDIDATES, 3, 2).chosen());
    Batch plain = Batch.select(CANDIDATES, 4, 0);
    assertEquals(List.of(0, 1, 2, 3), plain.chosen());
    assertArrayEquals(new int[] {1, 2, 3, 4, 6, 5, 0}, plain.ranks(), "diversity off: ranks follow values");
  }

  @Test
  void aBatchIsSmallerThanAskedWhenSystemsRunOutAndTakesAKeyOnce() {
    assertEquals(List.of(0, 3, 5, 4), Batch.select(CANDIDATES, 10, 1).chosen());
    List<Candidate> twice = List.of(new Candidate("GaN", "Ga-N", 1), new Candidate("GaN", "Ga-N", 1),
        new Candidate("AlN", "Al-N", 0.5));
    assertEquals(List.of(0, 2), Batch.select(twice, 3, 0).chosen(), "the same composition is measured once");
  }

  @Test
  void theOrderOfTheInputDoesNotChangeTheBatch() {
    List<Candidate> reversed = new ArrayList<>(CANDIDATES);
    Collections.reverse(reversed);
    assertEquals(List.of("GaN", "OZn", "AsGa"), Batch.select(reversed, 3, 1).chosen().stream()
        .map(i -> reversed.get(i).key()).toList());
  }

  @Test
  void sizeAndLimitAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Batch.select(CANDIDATES, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Batch.select(CANDIDATES, 3, -1));
  }
}
