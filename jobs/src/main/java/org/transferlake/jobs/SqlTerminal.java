package org.transferlake.jobs;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell's lines from a terminal, through JLine: line editing, history kept in {@code ~/.transferlake_sql_history},
 * and a statement that goes on over lines until its semicolon (Enter before it asks for more).
 */
final class SqlTerminal implements SqlShell.Lines, AutoCloseable {
  private final Terminal terminal;
  private final LineReader reader;

  SqlTerminal(Terminal terminal, Path history) {
    this.terminal = terminal;
    this.reader = LineReaderBuilder.builder().appName("transferlake sql").terminal(terminal)
        .parser(new StatementParser())
        .variable(LineReader.HISTORY_FILE, history)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, SqlShell.MORE)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' in "a != b" is SQL, not a history event
        .build();
  }

  /** The process's terminal (JNI on Java 17), history in the user's home. */
  static SqlTerminal system() throws IOException {
    return new SqlTerminal(TerminalBuilder.builder().system(true).build(),
        Path.of(System.getProperty("user.home"), ".transferlake_sql_history"));
  }

  @Override
  public String next(boolean continuing) {
    try {
      return reader.readLine(continuing ? SqlShell.MORE : SqlShell.PROMPT);
    } catch (UserInterruptException e) {
      return ""; // Ctrl-C drops the line being typed
    } catch (EndOfFileException e) {
      return null; // Ctrl-D
    }
  }

  @Override
  public void close() throws IOException {
    reader.getHistory().save();
    terminal.close();
  }

  /** Enter runs the text once it holds a whole statement (or is a shell command); before that it asks for more. */
  private static final class StatementParser extends DefaultParser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE && !SqlStatements.blank(line) && !SqlStatements.complete(line)
          && SqlShell.command(line) == null) {
        throw new EOFError(-1, -1, "the statement goes on until ';'");
      }
      return super.parse(line, cursor, context);
    }
  }
}
