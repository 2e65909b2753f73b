package org.transferlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.SettingsException;

/** The lake's lock: one holder at a time, a dead holder of this host taken over, ids that stay under the root. */
class LakeLockTest {
  @TempDir
  File lake;

  private LakeLock take() throws Exception {
    return LakeLock.acquire(LakeLocation.of(lake.getPath()).root(), "write", new Configuration());
  }

  private File lockFile() {
    return new File(lake, "locks/write.lock");
  }

  @Test
  void aLiveHolderRefusesTheSecondTakerNamingItself() throws Exception {
    try (LakeLock held = take()) {
      LakeLock.HeldException refused = assertThrows(LakeLock.HeldException.class, this::take);
      assertTrue(refused.getMessage().contains("pid " + ProcessHandle.current().pid()), refused.getMessage());
      assertTrue(refused.getMessage().contains(held.path().toString()), refused.getMessage());
    }
    assertFalse(lockFile().exists(), "released on close");
    take().close(); // free again
  }

  @Test
  void aLockLeftByAProcessOfThisHostThatIsGoneIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    // what a killed run leaves behind
    Files.createDirectories(lockFile().getParentFile().toPath());
    String host = java.net.InetAddress.getLocalHost().getHostName();
    Files.writeString(lockFile().toPath(), "holder=x@" + host + " pid " + gone.pid() + "\nhost=" + host + "\npid="
        + gone.pid() + "\nstarted_at=2026-11-24T00:00:00Z\n");
    try (LakeLock taken = take()) {
      assertTrue(Files.readString(lockFile().toPath()).contains("pid=" + ProcessHandle.current().pid()));
    }
  }

  @Test
  void manyTakersAtOnceOneWinsAndEveryOtherIsToldWhoHoldsIt() throws Exception {
    int takers = 8;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(takers);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(takers);
    try {
      java.util.List<java.util.concurrent.Future<Object>> outcomes = new java.util.ArrayList<>();
      for (int i = 0; i < takers; i++) {
        outcomes.add(pool.submit(() -> {
          start.await();
          try {
            return take(); // kept open: the winner holds it until every taker has tried
          } catch (LakeLock.HeldException e) {
            return e.getMessage();
          }
        }));
      }
      java.util.List<LakeLock> winners = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<Object> outcome : outcomes) {
        Object got = outcome.get();
        if (got instanceof LakeLock lock) {
          winners.add(lock);
        } else {
          assertTrue(((String) got).contains("(holder=") && ((String) got).contains("started_at="), (String) got);
        }
      }
      assertEquals(1, winners.size());
      winners.get(0).close();
      assertEquals(java.util.List.of("locks"), java.util.Arrays.asList(lake.list()));
      assertEquals(0, lockFile().getParentFile().list().length, "no lock and no draft left");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTakerWaitsForAJustCreatedLockFileToNameItsHolder() throws Exception {
    Files.createDirectories(lockFile().getParentFile().toPath());
    Files.createFile(lockFile().toPath()); // created, not yet written (what a taker on HDFS can see)
    Thread writer = new Thread(() -> {
      try {
        Thread.sleep(400);
        Files.writeString(lockFile().toPath(), "holder=x@elsewhere pid 9\nhost=elsewhere-node-3\npid=9\n");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    LakeLock.HeldException refused = assertThrows(LakeLock.HeldException.class, this::take);
    writer.join();
    assertTrue(refused.getMessage().contains("(holder=x@elsewhere pid 9, host=elsewhere-node-3"),
        refused.getMessage());
  }

  @Test
  void aLockHeldOnAnotherHostIsNeverTakenOver() throws Exception {
    Files.createDirectories(lockFile().getParentFile().toPath());
    Files.writeString(lockFile().toPath(), "holder=x@elsewhere pid 1\nhost=elsewhere-node-7\npid=1\n");
    LakeLock.HeldException refused = assertThrows(LakeLock.HeldException.class, this::take);
    assertTrue(refused.getMessage().contains("elsewhere-node-7"), refused.getMessage());
    assertTrue(lockFile().exists());
  }

  @Test
  void runIdsThatWouldNameADirectoryOutsideTheirPlaceAreRefused() {
    for (String bad : new String[] {"..", "../x", "a/b", ".hidden", "-x", "a b"}) {
      SettingsException e = assertThrows(SettingsException.class, () -> RunIds.choose(bad), bad);
      assertTrue(e.getMessage().contains("the run to resume"), e.getMessage());
    }
    assertEquals("nightly-2026-11-20-x.1", RunIds.choose("nightly-2026-11-20-x.1"));
    assertTrue(RunIds.choose("").matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}"));
  }
}
