package org.transferlake.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;

class LearnersTest {
  @Test
  void theDistributedSourceLearnerIsBuiltFromTheSettingsAndABadOneIsRefusedWithItsKey() {
    assertEquals("mllib_rf", DistributedSourceLearner.of(new SettingsLoader().withoutSystemProperties().load()).name());
    SettingsException e = assertThrows(SettingsException.class, () -> DistributedSourceLearner.of(new SettingsLoader()
        .withoutSystemProperties().set("transferlake.learners.source.distributed", "mllib_svm").load()));
    assertTrue(e.getMessage().contains("transferlake.learners.source"), e.getMessage());
  }
}
