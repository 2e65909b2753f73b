package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsLoader;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeSessions;
import org.transferlake.testing.ResultRows;
import org.transferlake.testing.TestPaths;

/**
 * docs/python.md's CSV way, run as written: {@code sql --format csv --out} on a lake of hand-made result rows, then
 * pandas. Also what pandas makes of the CSV: types, nulls, and text with commas, quotes, line feeds and carriage
 * returns. Needs a Python with pandas (Debian's python3-pandas; .ci/run installs it): without one the tests fail.
 */
class PythonCsvTest {
  /** Prints each column of a CSV as pandas reads it: name, dtype and values (missing ones as None), tab-separated. */
  private static final String COLUMNS = """
      import sys, pandas as pd
      df = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=[""], parse_dates=sys.argv[2:])
      shown = lambda v: None if pd.isna(v) else v.isoformat() if isinstance(v, pd.Timestamp) else v
      for c in df.columns:
          print(c, df[c].dtype, [shown(v) for v in df[c].tolist()], sep="\\t")
      """;

  @TempDir
  static File root;

  private static String python;

  @BeforeAll
  static void lakeAndPython() {
    python = pythonWithPandas();
    Settings settings = new SettingsLoader().profile(new File(TestPaths.project(), "conf/local.conf"))
        .set(Map.of("transferlake.lake.root", lake().getPath(), "spark.master", "local[2]")).load();
    // the first command's session: LakeSessions.create gets this one back (same settings) and stops it at the end
    SparkSession spark = LakeSessions.create(settings, "python test rows");
    ResultRows.write(Lake.open(spark, settings.lakeCatalog()));
  }

  private static File lake() {
    return new File(root, "lake");
  }

  @Test
  void theDocsExampleSummarisesTheChosenScoresOfTheLatestRuns() throws IOException {
    String doc = Files.readString(new File(TestPaths.project(), "docs/python.md").toPath());
    Matcher sql = Pattern.compile("bin/transferlake sql \"([^\"]+)\" --format csv --out scores\\.csv").matcher(doc);
    assertTrue(sql.find(), "docs/python.md: no 'bin/transferlake sql \"...\" --format csv --out scores.csv'");
    String script = "docs/python/read_results.py";
    assertTrue(doc.contains("\n/usr/bin/python3 " + script + " scores.csv\n"), "docs/python.md: no run of " + script);

    File csv = new File(root, "scores.csv");
    sql(sql.group(1), csv);
    String out = python(List.of(script, csv.getPath()));
    // run-new, the latest published run of tiny: the chosen trees=10 (target_only) and trees=20 (latent_variable)
    for (String row : List.of("tiny run-new latent_variable forest 5 3 0.700 0.000",
        "tiny run-new latent_variable forest 8 3 0.400 0.100", "tiny run-new target_only forest 5 3 0.900 0.000",
        "tiny run-new target_only forest 8 3 0.600 0.100")) {
      assertTrue(out.lines().anyMatch(l -> l.strip().split("\\s+").length == 8
          && String.join(" ", l.strip().split("\\s+")).equals(row)), row + " in\n" + out);
    }
    assertTrue(!out.contains("run-old") && !out.contains("run-draft") && !out.contains("tiny_metal"), out);
  }

  @Test
  void pandasReadsTypesNullsAndQuotedTextBack() throws IOException {
    File csv = new File(root, "values.csv");
    sql("SELECT * FROM VALUES"
        + " (1, 1.5D, CAST(1.50 AS DECIMAL(5, 2)), 'a,b', true, DATE'2024-01-02', TIMESTAMP'2024-01-02 03:04:05',"
        + " 9007199254740993L),"
        + " (2, CAST(NULL AS DOUBLE), NULL, 'say \"hi\", twice \"\"', false, NULL, NULL, -1L),"
        + " (3, 1.0E-5D, 0.25, concat('two', chr(10), 'lines'), true, DATE'2024-12-31', NULL, 0L),"
        + " (4, double('Infinity'), -2, concat('crlf', chr(13), chr(10), 'end'), false, NULL, NULL, 1L),"
        + " (5, 2.0D, 3, ' spaced ', true, NULL, NULL, 2L),"
        + " (6, 3.0D, 4, 'Fe₂O₃ – ü', true, NULL, NULL, 3L),"
        + " (7, 4.0D, 5, 'NA', true, NULL, NULL, 4L),"
        + " (8, 5.0D, 6, '', true, NULL, NULL, 5L)"
        + " AS t(n, x, d, s, ok, day, ts, big)", csv);
    String out = python(List.of("-c", COLUMNS, csv.getPath(), "ts"));
    assertEquals(String.join("\n",
        "n\tint64\t[1, 2, 3, 4, 5, 6, 7, 8]",
        "x\tfloat64\t[1.5, None, 1e-05, inf, 2.0, 3.0, 4.0, 5.0]",
        "d\tfloat64\t[1.5, None, 0.25, -2.0, 3.0, 4.0, 5.0, 6.0]",
        "s\tobject\t['a,b', 'say \"hi\", twice \"\"', 'two\\nlines', 'crlf\\r\\nend', ' spaced ', 'Fe₂O₃ – ü', 'NA',"
            + " None]",
        "ok\tbool\t[True, False, True, False, True, True, True, True]",
        "day\tobject\t['2024-01-02', None, '2024-12-31', None, None, None, None, None]",
        "ts\tdatetime64[ns]\t['2024-01-02T03:04:05', None, None, None, None, None, None, None]",
        "big\tint64\t[9007199254740993, -1, 0, 1, 2, 3, 4, 5]") + "\n", out,
        "an empty string reads as missing, as a null does (docs/python.md says so)");
  }

  /** A header and values that need quoting (a bare carriage return too), and nested values as JSON, in one file. */
  @Test
  void quotedNamesCarriageReturnsAndNestedValuesReadBack() throws IOException {
    File csv = new File(root, "quoting.csv");
    sql("SELECT 1 AS `mae, eV`, 2 AS `say \"n\"`, concat('cr', chr(13), 'alone') AS s, array(1.5D, 2.0D) AS a,"
        + " map('k', 'v, w') AS m, named_struct('x', 1, 'y', 'b') AS st, array('x\"y') AS q", csv);
    String out = python(List.of("-c", """
        import json, sys, pandas as pd
        df = pd.read_csv(sys.argv[1])
        for c in df.columns:
            v = df[c][0]
            if c in ("a", "m", "st", "q"):
                try:
                    v = json.dumps(json.loads(v), sort_keys=True)
                except ValueError:
                    v = "not JSON: " + v
            print(c, df[c].dtype, repr(v), sep="\\t")
        """, csv.getPath()));
    assertEquals(String.join("\n",
        "mae, eV\tint64\t1",
        "say \"n\"\tint64\t2",
        "s\tobject\t'cr\\ralone'",
        "a\tobject\t'[1.5, 2.0]'",
        "m\tobject\t'{\"k\": \"v, w\"}'",
        "st\tobject\t'{\"x\": 1, \"y\": \"b\"}'",
        "q\tobject\t'[\"x\\\\\"y\"]'") + "\n", out,
        "the header is a CSV row too; a bare \\r is quoted (RFC 4180); arrays, maps and structs are JSON. The file: "
            + Files.readString(csv.toPath()).replace("\r", "\\r"));
  }

  /** {@code bin/transferlake sql STATEMENT --format csv --out FILE}, in this JVM. */
  private static void sql(String statement, File out) {
    CommandRun run = CommandRun.of(List.of("sql", statement, "--format", "csv", "--out", out.getPath(),
        "--profile", new File(TestPaths.project(), "conf/local.conf").getPath(),
        "--set", "transferlake.lake.root=" + lake().getPath(), "--set", "spark.master=local[2]"));
    assertEquals(0, run.code(), statement + ": " + run.out() + run.err());
  }

  /** Runs the Python with pandas in the checkout, as a user there would; its standard output. */
  private static String python(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(python));
    command.addAll(args);
    File output = Files.createTempFile(root.toPath(), "python", ".out").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).directory(TestPaths.project()).redirectErrorStream(true)
        .redirectOutput(output);
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    Process p = builder.start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(command + ": still running after 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String out = Files.readString(output.toPath(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), command + ":\n" + out);
    return out;
  }

  /** The first of /usr/bin/python3, python3, python that imports pandas; fails (not skips) when none does. */
  private static String pythonWithPandas() {
    List<String> tried = List.of("/usr/bin/python3", "python3", "python");
    for (String candidate : tried) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", "import pandas").redirectErrorStream(true).start();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
        p.destroyForcibly();
      } catch (IOException e) {
        // not installed: try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return fail("no Python with pandas (tried " + String.join(", ", tried) + "): install python3-pandas"
        + " (apt-get install python3-pandas); .ci/run does");
  }
}
