package org.transferlake.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.transferlake.jobs.SqlRunner.Answer;
import org.transferlake.jobs.SqlRunner.StatementException;
import org.transferlake.jobs.SqlStatements.Statement;

/**
 * {@code transferlake sql} with no statement: statements read one after another, each ending with a semicolon, and
 * answered in one Spark session. A bad statement is reported in one line and the shell goes on.
 */
final class SqlShell {
  static final String PROMPT = "sql> ";
  static final String MORE = "  -> ";
  /** A table every lake has, of which the warm-up reads one row. */
  private static final String WARM_UP_TABLE = "lake.curated.observations";
  private static final Set<String> QUIT = Set.of("quit", "exit", "\\q");
  private static final Set<String> HELP = Set.of("help", "\\?", "\\h");

  /** Where lines come from: a terminal with line editing and history, or a pipe's plain lines. */
  interface Lines {
    /**
     * The next line (on a terminal, maybe several lines of one statement); null at the end of the input.
     *
     * @param continuing whether a statement begun earlier is still open (the prompt shows it)
     */
    String next(boolean continuing) throws IOException;
  }

  /** Plain lines, no prompt: what a pipe or a redirected file gives. */
  static Lines plain(BufferedReader reader) {
    return continuing -> reader.readLine();
  }

  private final SqlRunner runner;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;
  private int failures;

  /** @param interactive a person at a terminal: no line numbers in errors, and failures do not set the exit code */
  SqlShell(SqlRunner runner, PrintStream out, PrintStream err, boolean interactive) {
    this.runner = runner;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  /** Reads and answers statements until the input ends or {@code quit}; 2 when a statement failed in a pipe. */
  int run(Lines lines) {
    runner.warmUp(WARM_UP_TABLE);
    if (interactive) {
      out.println("transferlake sql: statements end with ';'. help for help, quit to leave.");
    }
    StringBuilder buffer = new StringBuilder();
    int bufferLine = 1; // the input line the buffer starts on
    int nextLine = 1;
    try {
      String text;
      while ((text = lines.next(!SqlStatements.blank(buffer.toString()))) != null) {
        int firstLine = nextLine;
        nextLine += (int) text.lines().count() + (text.isEmpty() ? 1 : 0);
        if (SqlStatements.blank(buffer.toString())) {
          String command = command(text);
          if (command != null && QUIT.contains(command)) {
            break;
          }
          if (command != null) {
            help();
            continue;
          }
          buffer.setLength(0); // blanks and comments only: the next statement starts here
          bufferLine = firstLine;
        }
        buffer.append(text).append('\n');
        int end = SqlStatements.endOfLastStatement(buffer.toString());
        if (end > 0) {
          String done = buffer.substring(0, end);
          answer(done, bufferLine);
          bufferLine += (int) done.chars().filter(c -> c == '\n').count();
          buffer.delete(0, end);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("sql: cannot read the input", e);
    }
    answer(buffer.toString(), bufferLine); // the last statement needs no semicolon
    return interactive || failures == 0 ? 0 : 2;
  }

  /** The shell's own word {@code text} holds (quit, help, ...), a semicolon after it allowed; null for SQL. */
  static String command(String text) {
    String word = text.strip().replaceFirst(";$", "").strip().toLowerCase(Locale.ROOT);
    return QUIT.contains(word) || HELP.contains(word) ? word : null;
  }

  private void answer(String text, int firstLine) {
    for (Statement s : SqlStatements.split(text)) {
      try {
        Answer a = runner.run(s.text());
        err.println(footer(a));
      } catch (StatementException e) {
        failures++;
        err.println((interactive ? "error: " : "line " + (firstLine + s.line() - 1) + ": ") + e.getMessage());
      }
    }
  }

  /** "(3 rows, 0.41 s)", or the first rows only when there were more than the settings allow. */
  static String footer(Answer a) {
    return a.more()
        ? String.format(Locale.ROOT, "(first %d rows, %.2f s; transferlake.sql.max-rows shows more, --out FILE writes"
            + " all)", a.rows(), a.seconds())
        : String.format(Locale.ROOT, "(%d row%s, %.2f s)", a.rows(), a.rows() == 1 ? "" : "s", a.seconds());
  }

  private void help() {
    out.println("""
        Statements end with ';' and may span lines. Tables are <catalog>.<namespace>.<table>:
          SHOW TABLES IN lake.results;
          DESCRIBE lake.curated.observations;
          SELECT source_id, count(*) FROM lake.curated.observations GROUP BY 1;
        Read-only unless the shell was started with --write. quit (or Ctrl-D) leaves.""");
  }
}
