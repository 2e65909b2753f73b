package org.transferlake.jobs;

import java.io.PrintStream;
import java.util.Locale;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.suggest.SuggestRequest;
import org.transferlake.suggest.Suggestions;

/** What {@code suggest} prints: the function, what was left out and why, and the batch to measure. */
final class SuggestSummary {
  private final PrintStream out;

  SuggestSummary(PrintStream out) {
    this.out = out;
  }

  void print(Suggestions s, ModelRegistry.Entry model, SuggestRequest request, boolean fromLake) {
    String function = s.function() == null ? request.acquisition().key() : s.function().toString();
    out.println(SafeText.value("goal " + request.goal() + ", ranked by " + function
        + (s.bestFrom() == null ? "" : "predicted".equals(s.bestFrom())
            ? " (nothing measured: the best predicted mean stands in for the best so far)"
            : " (the best of " + s.measured() + " measured values of " + model.targetContext() + ")")));
    StringBuilder left = new StringBuilder(String.format(Locale.ROOT, "candidates: %,d", s.candidates()));
    if (fromLake) {
      left.append(" (every composition in the lake without a value of ").append(model.targetContext()).append(')');
    }
    if (request.excludeMeasured() && !fromLake) {
      left.append(String.format(Locale.ROOT, "; %,d left out as measured (a value of %s in the lake;"
          + " --no-exclude-measured keeps them)", s.excludedMeasured(), model.targetContext()));
    }
    if (!request.excludedElements().isEmpty()) {
      left.append(String.format(Locale.ROOT, "; %,d left out for %s", s.excludedElements(),
          String.join(", ", request.excludedElements())));
    }
    if (s.unscored() > 0) {
      left.append(String.format(Locale.ROOT, "; %,d not scored (see their error column)", s.unscored()));
    }
    if (!s.replacedColumns().isEmpty()) {
      left.append("; the input's columns ").append(String.join(", ", s.replacedColumns()))
          .append(" replaced by suggest's");
    }
    out.println(SafeText.value(left.toString()));
    String rule = request.perSystem() == 0 ? "straight down the ranking (--no-diversity)"
        : "at most " + request.perSystem() + " per chemical system (--per-system, --no-diversity)";
    out.println(SafeText.value("batch: " + s.batch().size() + " of " + request.batch() + " asked, " + rule
        + (s.batch().size() < request.batch() && !s.batch().isEmpty() ? "; fewer: no more candidates qualify" : "")
        + ":"));
    if (s.batch().isEmpty()) {
      out.println("  (no candidate could be scored)");
      return;
    }
    TextTable table = new TextTable("rank", "formula", "system", "mean", "std", "unit", request.acquisition().key(),
        "flags");
    for (Suggestions.Pick p : s.batch()) {
      String flags = (p.unseenElements().isEmpty() ? "" : "unseen " + String.join(";", p.unseenElements()))
          + (p.imputedValues() == null || p.imputedValues() == 0 ? ""
              : (p.unseenElements().isEmpty() ? "" : ", ") + p.imputedValues() + " imputed");
      table.add(p.rank(), p.formula(), p.chemicalSystem(), number(p.mean()), number(p.std()), p.unit(),
          number(p.acquisition()), flags);
    }
    table.print(out);
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
