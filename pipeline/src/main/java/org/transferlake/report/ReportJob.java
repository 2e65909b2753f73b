package org.transferlake.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Lake;
import org.transferlake.report.ReportDocument.Section;
import org.transferlake.report.ReportDocument.Text;

/**
 * Writes the report of published runs: {@code report.html} (self-contained), {@code report.md} and the PNG files
 * the Markdown links to. Runs without a row in {@code ops.runs} are never reported.
 */
public final class ReportJob {
  public static final String HTML = "report.html";
  public static final String MARKDOWN = "report.md";

  private final Lake lake;
  private final ReportOptions options;
  private final ResultsReader reader;

  public ReportJob(Lake lake, ReportOptions options) {
    this.lake = lake;
    this.options = options;
    this.reader = new ResultsReader(lake);
  }

  /**
   * The runs to report: the given run ids, or else the latest published run of every experiment; either narrowed
   * to the given experiments. An id or experiment with no published run is an error.
   */
  public List<PublishedRun> runs(List<String> runIds, List<String> experiments) {
    List<PublishedRun> published = reader.publishedRuns();
    List<PublishedRun> out = new ArrayList<>();
    if (!runIds.isEmpty()) {
      for (String id : runIds) {
        PublishedRun run = published.stream().filter(r -> r.runId().equals(id)).findFirst().orElseThrow(() ->
            new SettingsException("run " + id + ": no published run with that id in " + lake.catalog()
                + ".ops.runs (a run without a row there is not reported)"));
        if (experiments.isEmpty() || experiments.contains(run.experiment())) {
          out.add(run);
        }
      }
    } else {
      Map<String, PublishedRun> latest = new LinkedHashMap<>();
      published.forEach(r -> latest.put(r.experiment(), r)); // oldest first: the last one wins
      latest.values().stream().filter(r -> experiments.isEmpty() || experiments.contains(r.experiment()))
          .forEach(out::add);
    }
    for (String e : experiments) {
      if (out.stream().noneMatch(r -> r.experiment().equals(e))) {
        throw new SettingsException("experiment " + e + ": no published run" + (runIds.isEmpty() ? ""
            : " among runs " + String.join(", ", runIds)) + " (published experiments: " + String.join(", ",
            published.stream().map(PublishedRun::experiment).distinct().toList()) + ")");
      }
    }
    return out;
  }

  /** A section per derived quantity whose two experiments are both among {@code runs}, with its chart. */
  private ReportPart derivedSections(List<PublishedRun> runs) {
    List<Section> sections = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    for (DerivedQuantities.Spec spec : options.derived()) {
      PublishedRun first = runs.stream().filter(r -> r.experiment().equals(spec.first())).findFirst().orElse(null);
      PublishedRun second = runs.stream().filter(r -> r.experiment().equals(spec.second())).findFirst().orElse(null);
      if (first != null && second != null) {
        ReportPart built = DerivedQuantities.section(spec, first.runId(), second.runId(),
            DerivedQuantities.score(lake, first.runId(), second.runId()));
        sections.addAll(built.sections());
        figures.addAll(built.figures());
      }
    }
    return new ReportPart(sections, figures);
  }

  /** Writes the report of {@code runs} into {@code dir} and returns the files written. */
  public List<Path> write(List<PublishedRun> runs, Path dir) {
    Map<String, SourceCitation> sources = reader.sources();
    List<Section> sections = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    for (PublishedRun run : runs) {
      ReportPart built = run.campaign() ? CampaignSection.build(run, reader.campaignRounds(run))
          : RunSections.build(run, reader, sources, options);
      sections.addAll(built.sections());
      figures.addAll(built.figures());
    }
    ReportPart derived = derivedSections(runs);
    sections.addAll(derived.sections());
    figures.addAll(derived.figures());
    ReportDocument doc = new ReportDocument("transferlake report", List.of(Text.of("Generated "
        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.now())
        + " from the lake's published runs (a row in " + lake.catalog() + ".ops.runs): " + String.join(", ",
        runs.stream().map(r -> r.experiment() + " " + r.runId()).toList()) + ".")), sections);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      written.add(Files.writeString(dir.resolve(HTML), HtmlRenderer.render(doc), StandardCharsets.UTF_8));
      written.add(Files.writeString(dir.resolve(MARKDOWN), MarkdownRenderer.render(doc), StandardCharsets.UTF_8));
      for (Figure f : figures) {
        written.add(Files.write(dir.resolve(f.fileName()), f.png()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
    }
    return written;
  }
}
