package org.transferlake.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapWatchTest {
  @Test
  void seesTheHeapInUse() {
    HeapWatch watch = HeapWatch.start();
    byte[][] kept = new byte[64][];
    for (int i = 0; i < 4096; i++) {
      kept[i % kept.length] = new byte[64 * 1024]; // 256 MiB in all, 4 MiB kept at any time
    }
    HeapWatch.Report report = watch.stop();
    assertTrue(report.peakUsed() >= 4L << 20, "at least the 4 MiB kept: " + report);
    assertTrue(report.heapMax() >= report.peakUsed(), report.toString());
    // collections are reported asynchronously, so whether this one's arrived before stop() is not known
    assertTrue(report.collections() >= 0 && report.maxLiveAfterGc() <= report.heapMax(), report.toString());
    assertTrue(kept[0].length > 0);
  }
}
