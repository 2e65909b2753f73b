package org.transferlake.model.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelReadersTest {
  @Test
  void everyLearnerOfTheLibraryHasAReaderOnTheClassPath() {
    assertEquals(Set.of("forest", "mllib_gbt", "mllib_linear", "mllib_rf", "mlp"), ModelReaders.byLearner().keySet());
  }
}
