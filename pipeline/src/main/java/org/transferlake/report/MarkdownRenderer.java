package org.transferlake.report;

import java.util.List;

/** Renders a report as Markdown: the same tables, the charts as links to the PNG files beside it. */
final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static String render(ReportDocument doc) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(doc.title()).append("\n\n");
    blocks(sb, doc.intro());
    for (ReportDocument.Section s : doc.sections()) {
      sb.append("#".repeat(Math.max(2, Math.min(6, s.level())))).append(' ').append(s.heading()).append("\n\n");
      blocks(sb, s.blocks());
    }
    return sb.toString();
  }

  private static void blocks(StringBuilder sb, List<ReportDocument.Block> blocks) {
    for (ReportDocument.Block b : blocks) {
      if (b instanceof ReportDocument.Text t) {
        sb.append(t.text());
        if (t.url() != null) {
          sb.append(' ').append(t.linkLabel() == null ? "<" + t.url() + ">" : "[" + t.linkLabel() + "](" + t.url() + ")");
        }
        sb.append("\n\n");
      } else if (b instanceof ReportDocument.Table t) {
        table(sb, t);
      } else if (b instanceof ReportDocument.Figures f) {
        for (Figure figure : f.figures()) {
          sb.append("![").append(figure.title()).append("](").append(figure.fileName()).append(")\n\n")
              .append('*').append(figure.caption()).append("*\n\n");
        }
      } else if (b instanceof ReportDocument.Verbatim v) {
        sb.append(v.summary()).append(":\n\n```hocon\n").append(v.text().stripTrailing()).append("\n```\n\n");
      }
    }
  }

  private static void table(StringBuilder sb, ReportDocument.Table t) {
    sb.append('|');
    t.header().forEach(h -> sb.append(' ').append(cell(h)).append(" |"));
    sb.append("\n|");
    for (boolean right : Cells.numericColumns(t)) {
      sb.append(right ? "---:|" : "---|");
    }
    sb.append('\n');
    for (List<String> row : t.rows()) {
      sb.append('|');
      for (String c : row) {
        String text = c == null ? "" : c;
        sb.append(' ').append(Cells.url(text) ? "<" + text + ">" : cell(text)).append(" |");
      }
      sb.append('\n');
    }
    sb.append('\n');
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
