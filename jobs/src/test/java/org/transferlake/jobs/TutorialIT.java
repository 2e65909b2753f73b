package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.testing.TestPaths;

/**
 * README's "Your own data", run as a new user runs it (to its last step, suggest): its {@code sh} blocks in bash, from a fresh home outside
 * the checkout, with the jar {@code mvn package} built (so no build line may appear). Prints each command's
 * wall time. Run by .ci/run after the package (about 5 minutes on 2 cores).
 */
class TutorialIT {
  @TempDir
  File home;

  /** The commands of the sh blocks of README's "Your own data" section, in order. */
  static List<String> commands(String readme) {
    int start = readme.indexOf("\n## Your own data\n");
    assertTrue(start >= 0, "README has a section ## Your own data");
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    for (String line : section.split("\n")) {
      if (line.equals("```sh")) {
        inBlock = true;
      } else if (line.startsWith("```")) {
        inBlock = false;
      } else if (inBlock && !line.isBlank()) {
        commands.add(line);
      }
    }
    return commands;
  }

  @Test
  void theTutorialGoesFromALabsCsvToScreenedCandidates() throws IOException, InterruptedException {
    String readme = Files.readString(new File(TestPaths.project(), "README.md").toPath());
    List<String> commands = commands(readme);
    assertTrue(commands.size() >= 8, "the tutorial's commands: " + commands);
    StringBuilder script = new StringBuilder("set -euo pipefail\ncd \"$HOME\"\n");
    for (int i = 0; i < commands.size(); i++) {
      script.append("t=$(date +%s%N)\n").append(commands.get(i)).append('\n')
          .append("echo \"TIMING ").append(i).append(" $(( ($(date +%s%N) - t) / 1000000 ))\"\n");
    }
    File log = new File(home, "tutorial.log");
    ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).directory(home)
        .redirectErrorStream(true).redirectOutput(log);
    Map<String, String> env = bash.environment();
    env.remove("TRANSFERLAKE_WORKSPACE");
    env.remove("TRANSFERLAKE_HOME");
    env.put("HOME", home.getPath());
    env.put("TL", TestPaths.project().getPath());
    env.put("TRANSFERLAKE_MIRROR", TestPaths.mirror().getPath());
    Process p = bash.start();
    boolean done = p.waitFor(25, TimeUnit.MINUTES);
    String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertTrue(done, "the tutorial did not end in 25 minutes:\n" + tail(out));
    assertEquals(0, p.exitValue(), tail(out));
    assertFalse(out.contains("transferlake: building"), "no build line: the jar was built");
    assertFalse(out.indexOf('\u001b') >= 0, "no terminal escape codes in what the commands printed");

    double outsideTrain = 0;
    System.out.println("tutorial: command, wall seconds");
    for (String line : out.split("\n")) {
      if (line.startsWith("TIMING ")) {
        String[] f = line.split(" ");
        String command = commands.get(Integer.parseInt(f[1]));
        double seconds = Long.parseLong(f[2]) / 1000.0;
        System.out.printf("%8.1f  %s%n", seconds, command);
        outsideTrain += command.contains(" train ") ? 0 : seconds;
      }
    }
    System.out.printf("%8.1f  outside train%n", outsideTrain);

    File workspace = new File(home, "lab-gaps");
    String source = Files.readString(new File(workspace, "sources/lab_gaps.conf").toPath());
    assertTrue(source.contains("unit = \"meV\""), source);
    List<String> rows = Files.readAllLines(new File(workspace, "candidates.csv").toPath());
    List<String> header = List.of(rows.get(0).split(","));
    assertTrue(header.containsAll(List.of("formula", "composition_key", "mean", "std", "unit")), rows.get(0));
    assertTrue(rows.size() > 1000, "candidates scored: " + (rows.size() - 1));
    int mean = header.indexOf("mean");
    int unit = header.indexOf("unit");
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",", -1);
      assertEquals("meV", cells[unit], row);
      assertTrue(Double.parseDouble(cells[mean]) >= 0, "no negative band gap: " + row);
    }
    assertTrue(new File(workspace, "report/report.html").isFile(), "the report");

    List<String> next = Files.readAllLines(new File(workspace, "next.csv").toPath());
    List<String> columns = List.of(next.get(0).split(","));
    assertTrue(columns.containsAll(List.of("formula", "mean", "std", "unit", "acquisition", "rank", "in_batch")),
        next.get(0));
    int inBatch = columns.indexOf("in_batch");
    long batch = next.stream().skip(1).filter(r -> r.split(",", -1)[inBatch].equals("true")).count();
    assertTrue(batch >= 1 && batch <= 10, "the batch to measure: " + batch);
    assertTrue(next.get(1).split(",", -1)[columns.indexOf("rank")].equals("1"), "rank order: " + next.get(1));
  }

  private static String tail(String out) {
    return out.length() <= 6000 ? out : out.substring(out.length() - 6000);
  }
}
