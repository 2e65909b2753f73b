package org.transferlake.report;

import java.util.Base64;
import java.util.List;

/** Renders a report as one self-contained HTML page: charts inline as data URIs, no scripts, no fetched resources. */
final class HtmlRenderer {
  private static final String CSS = """
      body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222;
             max-width: 1200px; margin: 2em auto; padding: 0 1.5em; line-height: 1.45; }
      h1 { font-size: 1.7em; border-bottom: 2px solid #2c5d9c; padding-bottom: .2em; }
      h2 { font-size: 1.35em; margin-top: 2.2em; border-bottom: 1px solid #ccc; padding-bottom: .15em; }
      h3 { font-size: 1.1em; margin-top: 1.6em; color: #2c5d9c; }
      table { border-collapse: collapse; margin: .6em 0 1em; font-size: .9em; }
      th, td { border: 1px solid #d4d4d4; padding: .25em .6em; vertical-align: top; }
      th { background: #eef2f7; text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.url { overflow-wrap: anywhere; min-width: 14em; }
      tr:nth-child(even) td { background: #fafafa; }
      .figures { display: flex; flex-wrap: wrap; gap: 1.2em; align-items: flex-start; }
      figure { margin: .5em 0; display: table; }
      figure img { border: 1px solid #e2e2e2; max-width: 100%; display: block; }
      figcaption { display: table-caption; caption-side: bottom; font-size: .85em; color: #555; padding-top: .3em; }
      pre { background: #f6f8fa; border: 1px solid #e1e4e8; padding: .8em; overflow-x: auto; font-size: .85em; }
      details summary { cursor: pointer; color: #2c5d9c; }
      p.note { color: #444; }
      """;

  private HtmlRenderer() {}

  public static String render(ReportDocument doc) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(doc.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>").append(escape(doc.title())).append("</h1>\n");
    blocks(sb, doc.intro());
    for (ReportDocument.Section s : doc.sections()) {
      int level = Math.max(2, Math.min(6, s.level()));
      sb.append("<h").append(level).append('>').append(escape(s.heading())).append("</h").append(level).append(">\n");
      blocks(sb, s.blocks());
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  private static void blocks(StringBuilder sb, List<ReportDocument.Block> blocks) {
    for (ReportDocument.Block b : blocks) {
      if (b instanceof ReportDocument.Text t) {
        sb.append("<p>").append(escape(t.text()));
        if (t.url() != null) {
          sb.append(' ').append(link(t.linkLabel() == null ? t.url() : t.linkLabel(), t.url()));
        }
        sb.append("</p>\n");
      } else if (b instanceof ReportDocument.Table t) {
        table(sb, t);
      } else if (b instanceof ReportDocument.Figures f) {
        sb.append("<div class=\"figures\">\n");
        for (Figure figure : f.figures()) {
          sb.append("<figure><img src=\"data:image/png;base64,")
              .append(Base64.getEncoder().encodeToString(figure.png())).append("\" alt=\"")
              .append(escape(figure.title())).append("\"><figcaption>").append(escape(figure.caption()))
              .append("</figcaption></figure>\n");
        }
        sb.append("</div>\n");
      } else if (b instanceof ReportDocument.Verbatim v) {
        sb.append("<details><summary>").append(escape(v.summary())).append("</summary>\n<pre>")
            .append(escape(v.text())).append("</pre></details>\n");
      }
    }
  }

  private static void table(StringBuilder sb, ReportDocument.Table t) {
    sb.append("<table>\n<thead><tr>");
    t.header().forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
    sb.append("</tr></thead>\n<tbody>\n");
    boolean[] numeric = Cells.numericColumns(t);
    for (List<String> row : t.rows()) {
      sb.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String c = row.get(i) == null ? "" : row.get(i);
        boolean url = Cells.url(c);
        sb.append(url ? "<td class=\"url\">" : i < numeric.length && numeric[i] ? "<td class=\"num\">" : "<td>")
            .append(url ? link(shortened(c), c) : escape(c)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  /** A long URL's label: its host and last path segment. */
  private static String shortened(String url) {
    if (url.length() <= 60) {
      return url;
    }
    String rest = url.replaceFirst("^https?://", "");
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    String last = rest.substring(rest.lastIndexOf('/') + 1);
    return host + "/…/" + last;
  }

  private static String link(String label, String url) {
    return "<a href=\"" + escape(url) + "\">" + escape(label) + "</a>";
  }

  static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
