package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.testing.TestPaths;

/** {@code sql} as a shell, from a pipe and from a terminal, and {@code sql -f}: one session, one-line errors. */
class SqlShellTest {
  @TempDir
  File dir;

  private CommandRun run(String input, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--profile", new File(TestPaths.project(), "conf/local.conf").getPath(),
        "--set", "transferlake.lake.root=" + new File(dir, "lake").getPath(), "--set", "spark.master=local[2]"));
    return CommandRun.withInput(input, all);
  }

  @Test
  void aScriptWritesAShellAnswersAndBadStatementsGetOneLineEach() throws IOException {
    File setup = new File(dir, "setup.sql");
    Files.writeString(setup.toPath(), """
        -- a table whose values carry a NUL, an ESC and a bidi override, as a bad input file might
        CREATE TABLE lake.scratch.samples (id INT, formula STRING);
        INSERT INTO lake.scratch.samples VALUES
          (1, 'Fe2O3'), (2, concat('Ga', char(0), 'As')), (3, concat(char(27), '[31mSi')),
          (4, '\\u202EOgeS');
        """);
    CommandRun written = run("", "sql", "--write", "-f", setup.getPath());
    assertEquals(0, written.code(), written.err());

    CommandRun shell = run("""
        SELECT count(*) AS n FROM lake.scratch.samples;
        SELECT nme FROM lake.scratch.samples;
        SELECT id,
               formula
        FROM lake.scratch.samples ORDER BY id;
        DROP TABLE lake.scratch.samples;
        SELECT 1/0; SELECT 'still here' AS alive
        """, "sql");
    assertEquals(2, shell.code(), "a statement failed in a pipe: " + shell.err());
    assertTrue(shell.out().contains("| n |\n+---+\n| 4 |"), shell.out());
    assertTrue(shell.err().contains("line 2: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function"
        + " parameter with name `nme` cannot be resolved."), shell.err());
    assertTrue(shell.out().contains("|  2 | Ga\\u0000As   |"), shell.out());
    assertTrue(shell.out().contains("|  3 | \\u001b[31mSi |"), shell.out());
    assertTrue(shell.out().contains("|  4 | \\u202eOgeS   |"), shell.out());
    for (char c : new char[] {0, 27, 8238}) {
      assertFalse(shell.out().indexOf(c) >= 0 || shell.err().indexOf(c) >= 0, "raw character " + (int) c);
    }
    assertTrue(shell.err().contains("line 6: 'DROP' statements change the lake; add --write"), shell.err());
    assertTrue(shell.err().contains("line 7: [DIVIDE_BY_ZERO] Division by zero."), shell.err());
    assertTrue(shell.out().contains("| still here |"), "the shell goes on: " + shell.out());
    assertEquals(3, shell.err().lines().filter(l -> l.startsWith("line ")).count(), shell.err());
    assertFalse(shell.err().contains("\tat "), "no stack trace: " + shell.err());
    assertTrue(shell.err().matches("(?s).*\\(4 rows, [0-9.]+ s\\).*"), shell.err());

    File failing = new File(dir, "failing.sql");
    Files.writeString(failing.toPath(), "SELECT 1 AS one;\n\nSELECT id\n  FROM lake.scratch.nope;\nSELECT 3;\n");
    CommandRun script = run("", "sql", "-f", failing.getPath(), "--format", "csv");
    assertEquals(2, script.code(), script.err());
    assertEquals("one\n1\n", script.out());
    assertTrue(script.err().contains("transferlake: sql: " + failing.getPath() + ":3: [TABLE_OR_VIEW_NOT_FOUND]"),
        script.err());
    assertFalse(script.err().contains("\tat "), "no stack trace: " + script.err());

    CommandRun one = run("", "sql", "SELECT nme FROM lake.scratch.samples");
    assertEquals(2, one.code());
    assertTrue(one.err().startsWith("transferlake: sql: [UNRESOLVED_COLUMN.WITH_SUGGESTION]"), one.err());
    assertFalse(one.err().contains("\tat "), "no stack trace: " + one.err());
  }

  @Test
  void onATerminalEnterBeforeTheSemicolonAsksForMoreAndShellWordsNeedNone() throws IOException {
    ByteArrayInputStream typed = new ByteArrayInputStream("SELECT 1,\n  2 AS b;\nhelp\nSELECT 'a != b';\n"
        .getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Terminal terminal = new DumbTerminal(typed, screen);
    try (SqlTerminal lines = new SqlTerminal(terminal, new File(dir, "history").toPath())) {
      assertEquals("SELECT 1,\n  2 AS b;", lines.next(false));
      assertEquals("help", lines.next(false));
      assertEquals("SELECT 'a != b';", lines.next(false), "'!' is no history event");
      assertNull(lines.next(false), "end of input");
    }
    assertTrue(Files.readString(new File(dir, "history").toPath()).contains("SELECT 'a != b';"), "history kept");
  }
}
