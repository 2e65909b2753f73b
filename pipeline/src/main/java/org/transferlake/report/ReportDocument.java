package org.transferlake.report;

import java.util.List;

/** A report as both renderers see it: sections of paragraphs, tables, figures and verbatim text. */
record ReportDocument(String title, List<Block> intro, List<Section> sections) {

  /** A heading (level 2 for a run, 3 within it) and what follows it. */
  public record Section(int level, String heading, List<Block> blocks) {}

  /** Something a section shows. */
  public sealed interface Block permits Text, Table, Figures, Verbatim {}

  /** A paragraph, with an optional link after it (a citation's). */
  public record Text(String text, String linkLabel, String url) implements Block {
    public static Text of(String text) {
      return new Text(text, null, null);
    }
  }

  /** A table of text cells; a cell holding only an http(s) URL is shown as a link. */
  public record Table(List<String> header, List<List<String>> rows) implements Block {}

  /** Figures shown side by side. */
  public record Figures(List<Figure> figures) implements Block {}

  /** Text shown as it is (an experiment definition), folded away under {@code summary} in HTML. */
  public record Verbatim(String summary, String text) implements Block {}
}
