package org.transferlake.jobs;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.transferlake.config.SettingsException;
import org.transferlake.jobs.SqlRunner.StatementException;
import org.transferlake.jobs.SqlStatements.Statement;
import org.transferlake.pipeline.PipelineSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code transferlake sql}: read-only SQL over the lake, one statement, a script, or a shell. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run SQL against the lake and print the answers.",
        "With a STATEMENT, run it; with -f FILE, run the file's statements in order, stopping at the first that"
            + " fails; with neither, read statements one after another in one session (a shell: line editing and"
            + " history on a terminal, plain lines from a pipe), each ending with ';'.",
        "Tables are named <catalog>.<namespace>.<table>, e.g. lake.curated.observations.",
        "Read-only unless --write is given. Printed values have control characters escaped (\\u001b);"
            + " --out files keep them as they are."})
final class SqlCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(arity = "0..1", paramLabel = "STATEMENT", description = "The SQL statement (quote it).")
  String statement;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements of FILE, ';' between them.")
  File script;

  @Option(names = "--write", description = "Allow statements that change the lake (INSERT, DELETE, DROP, ...).")
  boolean write;

  @Option(names = "--format", defaultValue = "table",
      description = "table, csv, json (JSON lines) or parquet (needs --out). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--out", paramLabel = "PATH", description = "Write every row of the STATEMENT's answer to PATH"
      + " instead of printing at most transferlake.sql.max-rows: a file for csv and json, a directory for parquet."
      + " An existing PATH is refused.")
  File out;

  @Override
  public Integer call() {
    checkOptions();
    List<Statement> statements = statement != null ? SqlStatements.split(statement)
        : script != null ? SqlStatements.split(read(script)) : null;
    // a failed task is reported in one line below; Spark's own log of it would add a stack trace
    Configurator.setLevel("org.apache.spark.executor.Executor", Level.OFF);
    Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", Level.OFF);
    // a reader refuses a lake that does not exist rather than create an empty one; --write may create it
    try (PipelineSession session = write ? new PipelineSession(common.settings(), "sql")
        : PipelineSession.reading(common.settings(), "sql")) {
      if (write) {
        session.lockForWriting();
      }
      SqlRunner runner = new SqlRunner(session.spark(), write, format.equals("parquet") ? "table" : format,
          session.settings().sqlMaxRows(), System.out);
      if (statements == null) {
        return shell(runner);
      }
      for (Statement s : statements) {
        try {
          if (out != null) {
            long rows = runner.write(s.text(), out, format);
            System.out.println("wrote " + rows + " rows to " + out.getAbsolutePath());
          } else {
            SqlRunner.Answer answer = runner.run(s.text());
            if (script != null) {
              System.err.println(SqlShell.footer(answer));
            }
          }
        } catch (StatementException e) {
          throw new SettingsException("sql: " + (script != null ? script.getPath() + ":" + s.line() + ": " : "")
              + e.getMessage());
        }
      }
      return 0;
    }
  }

  private static int shell(SqlRunner runner) {
    if (System.console() == null) {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return new SqlShell(runner, System.out, System.err, false).run(SqlShell.plain(in));
    }
    try (SqlTerminal terminal = SqlTerminal.system()) {
      return new SqlShell(runner, System.out, System.err, true).run(terminal);
    } catch (IOException e) {
      throw new UncheckedIOException("sql: cannot use the terminal", e);
    }
  }

  private void checkOptions() {
    if (statement != null && script != null) {
      throw new SettingsException("sql: give a STATEMENT or -f FILE, not both");
    }
    if (!List.of("table", "csv", "json", "parquet").contains(format)) {
      throw new SettingsException("sql --format " + format + ": expected table, csv, json or parquet");
    }
    if (out == null && format.equals("parquet")) {
      throw new SettingsException("sql --format parquet: needs --out DIR");
    }
    if (out != null && statement == null) {
      throw new SettingsException("sql --out " + out + ": writes the answer of one STATEMENT; give it");
    }
    if (out != null && format.equals("table")) {
      throw new SettingsException("sql --out " + out + ": needs --format csv, json or parquet");
    }
    if (out != null && out.exists()) {
      throw new SettingsException("sql --out " + out + ": already exists; choose a new path");
    }
    if (script != null && !script.isFile()) {
      throw new SettingsException("sql -f " + script + ": no such file");
    }
  }

  private static String read(File file) {
    try {
      return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SettingsException("sql -f " + file + ": cannot read it (" + e.getMessage() + ")");
    }
  }
}
