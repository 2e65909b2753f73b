package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsLoader;
import org.transferlake.lake.CatalogSettings;
import org.transferlake.lake.LakeSessions;
import org.transferlake.testing.TestPaths;

/**
 * docs/python.md's PySpark lines (untested there: no PySpark here) against what the project itself gives Spark, so
 * that the page cannot drift: the catalog of the local profile, the SQL extensions, and the Iceberg runtime the
 * build uses.
 */
class PythonDocTest {
  @Test
  void thePySparkLinesAreTheProjectsOwn() throws IOException {
    String doc = Files.readString(new File(TestPaths.project(), "docs/python.md").toPath());
    Settings settings = new SettingsLoader().withoutSystemProperties()
        .profile(new File(TestPaths.project(), "conf/local.conf")).set("transferlake.lake.root", "/path/to/lake")
        .load();
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("spark.sql.extensions", LakeSessions.EXTENSIONS);
    keys.putAll(CatalogSettings.from(settings).sparkProperties());
    keys.forEach((key, value) -> {
      String line = ".config(\"" + key + "\", \"" + value + "\")";
      assertTrue(doc.contains(line), "docs/python.md lacks " + line);
    });
    String runtime = icebergRuntime();
    assertTrue(doc.contains(".config(\"spark.jars.packages\", \"" + runtime + "\")"), "docs/python.md lacks "
        + runtime + " in spark.jars.packages");
    assertTrue(doc.contains("pyspark --packages " + runtime), "docs/python.md lacks pyspark --packages " + runtime);
  }

  @Test
  void readmesPythonSectionLinksThePage() throws IOException {
    String readme = Files.readString(new File(TestPaths.project(), "README.md").toPath());
    assertTrue(readme.contains("\n## Python\n") && readme.contains("[Python](#python)")
        && readme.contains("(docs/python.md)"), "README.md: a Python section in the contents, linking docs/python.md");
  }

  /** {@code org.apache.iceberg:iceberg-spark-runtime-<spark>_<scala>:<version>}, as the root pom.xml declares it. */
  private static String icebergRuntime() throws IOException {
    String pom = Files.readString(new File(TestPaths.project(), "pom.xml").toPath());
    String artifact = match(pom, "<artifactId>(iceberg-spark-runtime-[^<]+)</artifactId>")
        .replace("${scala.binary.version}", match(pom, "<scala.binary.version>([^<]+)</scala.binary.version>"));
    return "org.apache.iceberg:" + artifact + ":" + match(pom, "<iceberg.version>([^<]+)</iceberg.version>");
  }

  private static String match(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "pom.xml: no " + regex);
    return m.group(1);
  }
}
