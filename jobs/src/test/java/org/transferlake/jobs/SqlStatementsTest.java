package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlake.jobs.SqlStatements.Statement;

class SqlStatementsTest {
  @Test
  void aScriptIsCutAtSemicolonsOutsideQuotesAndCommentsWithTheLineEachStartsOn() {
    String script = """
        -- counts; per source
        SELECT source_id, count(*) FROM lake.curated.observations
        GROUP BY 1;

        SELECT ';' AS semi, "a;b", `c;d` /* a ; in a comment */ ;;
        SELECT 'it\\'s; here'
          AS quoted;
        /* trailing comment */ SELECT 3""";
    assertEquals(List.of(
        new Statement("SELECT source_id, count(*) FROM lake.curated.observations\nGROUP BY 1", 2),
        new Statement("SELECT ';' AS semi, \"a;b\", `c;d` /* a ; in a comment */", 5),
        new Statement("SELECT 'it\\'s; here'\n  AS quoted", 6),
        new Statement("SELECT 3", 8)), SqlStatements.split(script));
  }

  @Test
  void aStatementIsCompleteOnlyOnceItsSemicolonComesOutsideQuotes() {
    assertFalse(SqlStatements.complete("SELECT 'a;"));
    assertFalse(SqlStatements.complete("SELECT 1 -- done;"));
    assertTrue(SqlStatements.complete("SELECT 'a;' ;"));
    assertEquals(9, SqlStatements.endOfLastStatement("SELECT 1; SELECT"));
    assertTrue(SqlStatements.blank(" -- only a comment\n /* and another */ "));
    assertTrue(SqlStatements.split("  ;\n-- nothing\n").isEmpty());
  }
}
