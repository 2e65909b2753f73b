package org.transferlake.cluster;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.transferlake.testing.TestPaths;

/** What the built project offers a multi-process test: the application jar, Spark's classpath, Java 17. */
final class Projects {
  private static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
      "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref",
      "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar");

  private Projects() {}

  /** {@code jobs/target/transferlake-jobs-*-all.jar}, which {@code mvn package} builds. */
  static File applicationJar() {
    File[] jars = new File(TestPaths.project(), "jobs/target").listFiles((d, n) -> n.matches("transferlake-jobs-.*-all\\.jar"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException("no jobs/target/transferlake-jobs-*-all.jar: run mvn -DskipTests package first");
    }
    return jars[0];
  }

  static File sparkClasspathFile() {
    File f = new File(TestPaths.project(), "jobs/target/spark-classpath.txt");
    if (!f.isFile()) {
      throw new IllegalStateException("no " + f + ": run mvn -DskipTests package first");
    }
    return f;
  }

  static File submitScript() {
    return new File(TestPaths.project(), "deploy/spark-submit.sh");
  }

  /** This JVM's java (Java 17, as the build requires). */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static String javaHome() {
    return new File(java()).getAbsoluteFile().getParentFile().getParentFile().getPath();
  }

  static List<String> opens() {
    List<String> out = new ArrayList<>(List.of("-XX:+IgnoreUnrecognizedVMOptions",
        "-Dio.netty.tryReflectionSetAccessible=true"));
    OPENS.forEach(p -> out.add("--add-opens=java.base/" + p + "=ALL-UNNAMED"));
    return out;
  }
}
