package org.transferlake.ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.ingest.IngestJob;
import org.transferlake.ingest.SourceOutcome;
import org.transferlake.ingest.TestSources;
import org.transferlake.lake.Checksums;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.testing.LocalHttpServer;
import org.transferlake.testing.TestSpark;

class SourceDownloaderTest {
  private static final String GAPS = "formula,gap\nGaAs,1.42\nSi,1.12\n";
  private static final String MORE = "formula,gap\nZnO,3.4\n";
  private static final SourceDownloader DOWNLOADER = new SourceDownloader(Duration.ofSeconds(1), 1_000_000);

  @TempDir
  File tmp;
  private LocalHttpServer server;

  @BeforeEach
  void serve() {
    server = new LocalHttpServer(Map.of("/data/gaps.csv", GAPS.getBytes(StandardCharsets.UTF_8),
        "/data/more.csv", MORE.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(120));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private File mirror() {
    return new File(tmp, "mirror");
  }

  private SourceDefinition source(String files, String urls, String sha) throws IOException {
    return TestSources.define(tmp, "remote", "format = csv\nfiles = [" + files + "]\nlicence = t\ncitation = t\n"
        + (sha == null ? "" : "sha256 = \"" + sha + "\"\n") + "origin { urls = [" + urls + "] }\n"
        + "record { formula = formula }\nvalues = [ { column = gap, property = band_gap, fidelity = pbe, unit = eV } ]\n");
  }

  private String fetch(SourceDefinition source) {
    return DOWNLOADER.fetchMissing(source, mirror().getPath(), new Configuration());
  }

  private List<String> mirrorFiles() throws IOException {
    if (!mirror().exists()) {
      return List.of();
    }
    try (var files = Files.walk(mirror().toPath())) {
      return files.filter(Files::isRegularFile).map(p -> mirror().toPath().relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aMissingFileIsFetchedIntoTheMirrorWhenItsChecksumMatchesThePin() throws IOException {
    SourceDefinition source = source("\"d/gaps.csv\"", "\"" + server.url("/data/gaps.csv") + "\"",
        Checksums.sha256(GAPS));
    assertNull(fetch(source));
    assertEquals(GAPS, Files.readString(new File(mirror(), "d/gaps.csv").toPath()));
    assertNull(fetch(source), "present now: nothing to fetch");
    assertEquals(1, server.requests());
  }

  @Test
  void aPathOutsideTheMirrorIsNeverWritten() throws IOException {
    String url = "\"" + server.url("/data/gaps.csv") + "\"";
    assertNull(fetch(source("\"../outside.csv\"", url, null)), "resolving the files refuses it, not the download");
    assertNull(fetch(source("\"" + new File(tmp, "abs.csv").getAbsolutePath() + "\"", url, null)));
    assertTrue(!new File(tmp, "outside.csv").exists() && !new File(tmp, "abs.csv").exists());
    assertEquals(List.of(), mirrorFiles());
    assertEquals(0, server.requests());
  }

  @Test
  void aDownloadThatDoesNotMatchThePinIsRefusedAndLeavesNothingBehind() throws IOException {
    String pin = "0".repeat(64);
    String problem = fetch(source("\"d/gaps.csv\"", "\"" + server.url("/data/gaps.csv") + "\"", pin));
    assertTrue(problem.contains("the catalog pins sha256 " + pin), problem);
    assertTrue(problem.contains(Checksums.sha256(GAPS)), problem);
    assertEquals(List.of(), mirrorFiles(), "neither the file nor a temporary file is left");
  }

  @Test
  void severalFilesAreCheckedTogetherAgainstTheCombinedPin() throws IOException {
    File present = new File(mirror(), "d/gaps.csv");
    present.getParentFile().mkdirs();
    Files.writeString(present.toPath(), GAPS);
    String combined = Checksums.sha256("d/gaps.csv " + Checksums.sha256(GAPS) + "\nd/more.csv " + Checksums.sha256(MORE)
        + "\n");
    SourceDefinition source = source("\"d/gaps.csv\", \"d/more.csv\"", "\"" + server.url("/data/gaps.csv") + "\", \""
        + server.url("/data/more.csv") + "\"", combined);
    assertNull(fetch(source));
    assertEquals(List.of("d/gaps.csv", "d/more.csv"), mirrorFiles());
    assertEquals(1, server.requests(), "only the missing file is fetched");
  }

  @Test
  void httpErrorsAndSilenceFailWithTheirReason() throws IOException {
    String missing = fetch(source("\"d/x.csv\"", "\"" + server.url("/nothing.csv") + "\"", null));
    assertTrue(missing.contains("HTTP 404 from " + server.url("/nothing.csv")), missing);
    String slow = fetch(source("\"d/y.csv\"", "\"" + server.url("/slow") + "\"", null));
    assertTrue(slow.contains("no answer from " + server.url("/slow") + " within transferlake.ingest.download.timeout"),
        slow);
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    String unreachable = "http://127.0.0.1:" + closedPort + "/gaps.csv";
    String refused = fetch(source("\"d/z.csv\"", "\"" + unreachable + "\"", null));
    assertTrue(refused.contains(unreachable), refused);
    assertEquals(List.of(), mirrorFiles());
  }

  @Test
  void ingestDownloadsOnlyWhenAskedAndTheSecondRunIsUnchanged() throws IOException {
    SourceDefinition source = source("\"d/gaps.csv\"", "\"" + server.url("/data/gaps.csv") + "\"",
        Checksums.sha256(GAPS));
    Lake lake = TestSpark.freshLake();
    SourceOutcome offline = new IngestJob(lake, mirror().getPath(), 1000).run("r0", List.of(source)).get(0);
    assertTrue(offline.failed());
    assertTrue(offline.message().contains("transferlake.ingest.download.enabled = true"), offline.message());
    IngestJob job = new IngestJob(lake, mirror().getPath(), 1000, DOWNLOADER);
    SourceOutcome fetched = job.run("r1", List.of(source)).get(0);
    assertEquals(SourceOutcome.OK, fetched.status(), fetched.message());
    assertEquals(2, fetched.recordsAccepted());
    assertEquals(SourceOutcome.UNCHANGED, job.run("r2", List.of(source)).get(0).status());
    assertEquals(1, server.requests());
    assertEquals(2L, lake.read(LakeTable.OBSERVATIONS).count());
    assertEquals(List.of("d/gaps.csv"), mirrorFiles(), "no temporary or checksum side file is left");
  }
}
