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
      assertTrue(e.getMessage().contains("train --resume"), e.getMessage());
    }
    assertEquals("nightly-2026-11-20-x.1", RunIds.choose("nightly-2026-11-20-x.1"));
    assertTrue(RunIds.choose("").matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}"));
  }
}
