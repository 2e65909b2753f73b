package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.SettingsLoader;
import org.transferlake.pipeline.PipelineSession;
import org.transferlake.testing.TestPaths;

/** In local mode (conf/local.conf) the process listens on loopback only, and the Spark UI is off. */
class ExposureTest {
  @TempDir
  File lake;

  @Test
  void nothingListensBeyondLoopbackInLocalMode() throws IOException {
    assumeTrue(new File("/proc/self/net/tcp").canRead(), "needs Linux /proc to list sockets");
    try (PipelineSession job = new PipelineSession(new SettingsLoader().withoutSystemProperties()
        .profile(new File(TestPaths.project(), "conf/local.conf"))
        .set("transferlake.lake.root", lake.getPath()).load(), "exposure")) {
      // a shuffle, so that the block manager serves blocks
      job.spark().range(0, 10_000, 1, 4).groupBy("id").count().collectAsList();
      assertTrue(job.spark().sparkContext().uiWebUrl().isEmpty(), "Spark UI is off");
      List<String> listening = listeningAddresses();
      assertFalse(listening.isEmpty(), "the driver's RPC and block manager listen");
      for (String address : listening) {
        assertTrue(address.startsWith("127.0.0.1:") || address.startsWith("[::1]:"), "listens on " + address
            + "; all: " + listening);
      }
    }
  }

  /** Local addresses of this process's TCP sockets in LISTEN state, from /proc (Linux). */
  private static List<String> listeningAddresses() throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException gone) {
          // closed while listing
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      if (!new File(table).canRead()) {
        continue;
      }
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
          out.add(address(f[1]));
        }
      }
    }
    return out;
  }

  /** {@code 0100007F:1F90} as 127.0.0.1:8080; IPv6 (four little-endian words) as [::1]:port or [hex]:port. */
  private static String address(String hex) {
    String[] parts = hex.split(":");
    int port = Integer.parseInt(parts[1], 16);
    String ip = parts[0];
    if (ip.length() == 8) {
      return (Integer.parseInt(ip.substring(6, 8), 16)) + "." + Integer.parseInt(ip.substring(4, 6), 16) + "."
          + Integer.parseInt(ip.substring(2, 4), 16) + "." + Integer.parseInt(ip.substring(0, 2), 16) + ":" + port;
    }
    if (ip.equals("00000000000000000000000001000000")) {
      return "[::1]:" + port;
    }
    if (ip.equals("0000000000000000FFFF00000100007F")) {
      return "127.0.0.1:" + port; // IPv4-mapped loopback
    }
    return "[" + ip + "]:" + port;
  }
}
