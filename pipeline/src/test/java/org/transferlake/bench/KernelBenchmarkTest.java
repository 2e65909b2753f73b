package org.transferlake.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlake.featurize.FeaturizerPresets;

class KernelBenchmarkTest {
  @Test
  void reportsWhatEveryThreadDid() {
    KernelBenchmark.Result r = KernelBenchmark.run(FeaturizerPresets.create("fractions", null),
        List.of("Fe2O3", "Hg0.7Cd0.3Te", "CuSO4·5H2O"), 2, 0.01, 0.05);
    assertEquals(2, r.threads());
    assertTrue(r.compositions() >= 2 * 1024, "each thread does at least one batch");
    assertTrue(r.seconds() > 0 && r.cpuSeconds() > 0);
    assertEquals(r.compositions() / r.seconds() / 2, r.perThreadPerSecond(), 1e-6);
  }
}
