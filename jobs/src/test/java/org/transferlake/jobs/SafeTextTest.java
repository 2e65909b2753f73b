package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void nulEscAndABidiOverrideAreEscapedAndOrdinaryTextIsKept() {
    assertEquals("Fe\\u0000O", SafeText.value("Fe\u0000O"));
    assertEquals("\\u001b[31mred\\u001b[0m", SafeText.value("\u001b[31mred\u001b[0m"));
    assertEquals("\\u202eOgeS", SafeText.value("\u202eOgeS"));
    assertEquals("a\\u000ab\\u0009c\\u0085\\u009b", SafeText.value("a\nb\tc\u0085\u009b"));
    String plain = "Bi₂Te₃ — 0.15 eV, Zürich";
    assertSame(plain, SafeText.value(plain));
    assertNull(SafeText.value(null));
  }

  @Test
  void aStackTraceKeepsItsLinesAndTabsAndEscapesItsMessages() {
    String trace = SafeText.trace(new IllegalStateException("record 'Fe\u001b[2JO'", new RuntimeException("\u202e")));
    assertTrue(trace.startsWith("java.lang.IllegalStateException: record 'Fe\\u001b[2JO'\n\tat "), trace);
    assertTrue(trace.contains("\nCaused by: java.lang.RuntimeException: \\u202e\n\t"), trace);
  }

  @Test
  void aMessageKeepsItsLinesAndEscapesTheRest() {
    assertEquals("line one\nline \\u001b two", SafeText.message("line one\nline \u001b two"));
  }
}
