package org.transferlake.model.transfer;

import java.util.ArrayList;
import java.util.List;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.model.transfer.ArchitectureComponent.Needs;
import org.transferlake.model.transfer.ArchitectureComponent.SourceUse;

/**
 * Baselines that pool source and target rows as if they measured one property: plainly ({@code naive_union}),
 * or with the context as a one-hot input, predicting with the target's flag set ({@code union_context}). The
 * learner calibrates σ on the target's rows only ({@link TrainingSet#calibratedOn}): the pooled source rows' errors
 * are not those of a target prediction (with every fidelity of study 1 pooled, 89% of test rows fell within 1σ).
 */
public final class NaiveUnion implements Architecture {
  public static final String NAME = "naive_union";
  public static final String WITH_CONTEXT = "union_context";

  public static final ArchitectureComponent COMPONENT = new ArchitectureComponent(NAME,
      "source and target rows pooled as if they measured one property", Needs.of(SourceUse.POOLS_ROWS),
      1.0, settings -> plain(), (models, target, options, sources) -> assemble(NAME, models.get(0), target, options));
  public static final ArchitectureComponent WITH_CONTEXT_COMPONENT = new ArchitectureComponent(WITH_CONTEXT,
      "source and target rows pooled, the context a one-hot input", Needs.of(SourceUse.POOLS_ROWS), 1.0,
      settings -> withContext(),
      (models, target, options, sources) -> assemble(WITH_CONTEXT, models.get(0), target, options));

  private static final String FLAGS = "flags";

  private final boolean contextFlags;

  private NaiveUnion(boolean contextFlags) {
    this.contextFlags = contextFlags;
  }

  public static NaiveUnion plain() {
    return new NaiveUnion(false);
  }

  public static NaiveUnion withContext() {
    return new NaiveUnion(true);
  }

  @Override
  public String name() {
    return contextFlags ? WITH_CONTEXT : NAME;
  }

  @Override
  public TransferModel fit(TransferData data, Learner learner, SourceModels sources, long seed) {
    ContextSet target = data.target();
    List<ContextSet> sets = new ArrayList<>();
    sets.add(target);
    for (ContextSet s : data.sources()) {
      if (!s.label().classes().equals(target.label().classes())) {
        throw new IllegalArgumentException(name() + ": source " + s.context() + " and target " + target.context()
            + " are not the same kind of value (" + describe(s) + " vs " + describe(target) + ")");
      }
      sets.add(s);
    }
    int flags = contextFlags ? sets.size() : 0;
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int c = 0; c < sets.size(); c++) {
      ContextSet s = sets.get(c);
      for (int i = 0; i < s.rows(); i++) {
        x.add(withFlags(s.x()[i], flags, c));
        y.add(s.y()[i]);
      }
    }
    double[] labels = y.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] targetRows = new boolean[labels.length];
    java.util.Arrays.fill(targetRows, 0, target.rows(), true); // the target's rows come first
    TrainingSet pooled = TrainingSet.of(x.toArray(new double[0][]), labels, target.label()).calibratedOn(targetRows);
    Model model = learner.fit(data.bounded(pooled, 0, null), seed);
    return assemble(name(), model, target.label(), java.util.Map.of(FLAGS, Integer.toString(flags)));
  }

  /** @param options {@code flags}: the number of one-hot context columns after the features (0: none) */
  static TransferModel assemble(String name, Model model, Label target, java.util.Map<String, String> options) {
    int flags = Integer.parseInt(options.getOrDefault(FLAGS, "0"));
    return new Fitted(name, model, target, options, null, (keys, rows) -> {
      double[][] flagged = new double[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        flagged[i] = withFlags(rows[i], flags, 0);
      }
      return model.predict(flagged);
    });
  }

  /** The features followed by a one-hot block of {@code flags} columns with {@code context} set. */
  private static double[] withFlags(double[] row, int flags, int context) {
    if (flags == 0) {
      return row;
    }
    double[] out = java.util.Arrays.copyOf(row, row.length + flags);
    out[row.length + context] = 1;
    return out;
  }

  private static String describe(ContextSet s) {
    return s.label().isClassification() ? "classes " + s.label().classes() : "numbers";
  }
}
