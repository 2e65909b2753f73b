package org.transferlake.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the report's charts as PNG bytes (XChart, headless). */
final class Charts {
  private static final Color DIAGONAL = new Color(120, 120, 120);
  private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {6f, 4f}, 0f);

  private Charts() {}

  /** Mean score per model as bars, with ±1 sd over folds (and repeats) as error bars. */
  public static byte[] scoreBars(String title, List<Summaries.ModelSummary> models, String score, String axisTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(760).height(420).title(title).xAxisTitle("")
        .yAxisTitle(axisTitle).build();
    style(chart.getStyler());
    CategoryStyler styler = chart.getStyler();
    styler.setAvailableSpaceFill(0.55);
    styler.setLegendVisible(false);
    styler.setYAxisMin(0.0);
    styler.setYAxisDecimalPattern("0.00");
    styler.setErrorBarsColor(Color.DARK_GRAY);
    styler.setXAxisLabelRotation(models.size() > 4 ? 20 : 0);
    List<String> names = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    List<Double> sds = new ArrayList<>();
    boolean oneLearner = models.stream().map(m -> m.model().learner()).distinct().count() == 1;
    for (Summaries.ModelSummary m : models) {
      Stat s = m.scores().get(score);
      names.add(oneLearner ? m.model().architecture() : m.model().toString());
      means.add(s.mean());
      sds.add(Double.isNaN(s.sd()) ? 0.0 : s.sd());
    }
    chart.addSeries(score, names, means, sds);
    return png(chart);
  }

  /** Score against rows trained on, one line per model, log x axis, ±1 sd over folds as error bars. */
  public static byte[] learningCurve(String title, List<Summaries.CurvePoint> points, String axisTitle) {
    XYChart chart = new XYChartBuilder().width(760).height(440).title(title).xAxisTitle("target rows trained on (log)")
        .yAxisTitle(axisTitle).build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
    double spread = points.stream().mapToDouble(Summaries.CurvePoint::trainRows).max().orElse(1)
        / points.stream().mapToDouble(Summaries.CurvePoint::trainRows).min().orElse(1);
    // within a decade every tick keeps its label; across decades only 1, 2 and 5 times a power of ten
    chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> spread < 10 || oneTwoFive(v)
        ? String.format(Locale.ROOT, "%.0f", v) : "");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    Map<ModelKey, List<Summaries.CurvePoint>> byModel = new LinkedHashMap<>();
    points.forEach(p -> byModel.computeIfAbsent(p.model(), k -> new ArrayList<>()).add(p));
    boolean oneLearner = byModel.keySet().stream().map(ModelKey::learner).distinct().count() == 1;
    byModel.forEach((model, ps) -> {
      double[] x = ps.stream().mapToDouble(Summaries.CurvePoint::trainRows).toArray();
      double[] y = ps.stream().mapToDouble(p -> p.score().mean()).toArray();
      double[] e = ps.stream().mapToDouble(p -> Double.isNaN(p.score().sd()) ? 0 : p.score().sd()).toArray();
      chart.addSeries(oneLearner ? model.architecture() : model.toString(), x, y, e)
          .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    });
    return png(chart);
  }

  /**
   * Hits against experiments, one line per arm: the median over repeats, with its interquartile range as two thin
   * dashed lines of the arm's colour (not in the legend).
   *
   * @param curves per arm, rows {experiments, median, lower quartile, upper quartile}
   */
  public static byte[] discoveryCurves(String title, Map<String, double[][]> curves) {
    XYChart chart = new XYChartBuilder().width(760).height(440).title(title).xAxisTitle("experiments")
        .yAxisTitle("hits (median; dashed: interquartile range)").build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setYAxisDecimalPattern("0");
    Color[] palette = {new Color(120, 120, 120), new Color(230, 159, 0), new Color(0, 114, 178),
        new Color(0, 158, 115), new Color(204, 121, 167), new Color(213, 94, 0), new Color(86, 180, 233)};
    int i = 0;
    for (Map.Entry<String, double[][]> e : curves.entrySet()) {
      Color color = palette[i++ % palette.length];
      double[][] rows = e.getValue();
      double[] x = column(rows, 0);
      XYSeries median = chart.addSeries(e.getKey(), x, column(rows, 1));
      median.setLineColor(color);
      median.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      for (int q = 2; q <= 3; q++) {
        XYSeries quartile = chart.addSeries(e.getKey() + (q == 2 ? " q1" : " q3"), x, column(rows, q));
        quartile.setLineColor(color);
        quartile.setLineStyle(DASHED);
        quartile.setShowInLegend(false);
        quartile.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      }
    }
    return png(chart);
  }

  private static double[] column(double[][] rows, int c) {
    double[] out = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      out[r] = rows[r][c];
    }
    return out;
  }

  /** Actual against predicted mean, σ as error bars, with the diagonal. */
  public static byte[] parity(String title, List<TestPrediction> sample, String unit) {
    String suffix = unit == null || unit.isEmpty() ? "" : " (" + unit + ")";
    XYChart chart = new XYChartBuilder().width(520).height(520).title(title).xAxisTitle("actual" + suffix)
        .yAxisTitle("predicted mean" + suffix).build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setYAxisDecimalPattern("0.#");
    chart.getStyler().setXAxisDecimalPattern("0.#");
    chart.getStyler().setErrorBarsColor(new Color(70, 110, 170, 60));
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double[] x = new double[sample.size()];
    double[] y = new double[sample.size()];
    double[] e = new double[sample.size()];
    for (int i = 0; i < sample.size(); i++) {
      TestPrediction p = sample.get(i);
      x[i] = p.actual();
      y[i] = p.mean();
      e[i] = p.std() == null || !Double.isFinite(p.std()) ? 0 : p.std();
      lo = Math.min(lo, Math.min(x[i], y[i] - e[i]));
      hi = Math.max(hi, Math.max(x[i], y[i] + e[i]));
    }
    if (sample.isEmpty()) {
      lo = 0;
      hi = 1;
    }
    XYSeries points = chart.addSeries("test rows (" + sample.size() + ", ±σ)", x, y, e);
    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    points.setMarkerColor(new Color(40, 90, 160, 150));
    diagonal(chart, lo, hi);
    axes(chart.getStyler(), lo, hi);
    return png(chart);
  }

  /** Observed against expected coverage of mean ± z·σ, one line per model, with the diagonal. */
  public static byte[] calibration(String title, List<Summaries.Calibration> curves) {
    boolean oneLearner = curves.stream().map(c -> c.model().learner()).distinct().count() == 1;
    Map<String, double[][]> lines = new LinkedHashMap<>();
    curves.forEach(c -> lines.put(label(c.model(), oneLearner), new double[][] {Summaries.LEVELS, c.observed()}));
    return linesInUnitSquare(title, "expected coverage (Gaussian interval)", "observed coverage", lines);
  }

  /** Accuracy against the mean probability of the predicted class, per bin, one line per model, with the diagonal. */
  public static byte[] reliability(String title, List<Summaries.Reliability> models) {
    boolean oneLearner = models.stream().map(m -> m.model().learner()).distinct().count() == 1;
    Map<String, double[][]> lines = new LinkedHashMap<>();
    models.forEach(m -> lines.put(label(m.model(), oneLearner), new double[][] {
        m.bins().stream().mapToDouble(Summaries.ConfidenceBin::meanConfidence).toArray(),
        m.bins().stream().mapToDouble(Summaries.ConfidenceBin::accuracy).toArray()}));
    return linesInUnitSquare(title, "probability of the predicted class (bin mean)", "share labelled right", lines);
  }

  /** Lines of {x, y} pairs on [0, 1] x [0, 1], with the diagonal. */
  private static byte[] linesInUnitSquare(String title, String xTitle, String yTitle, Map<String, double[][]> lines) {
    XYChart chart = new XYChartBuilder().width(520).height(520).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
        .build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    lines.forEach((name, xy) -> chart.addSeries(name, xy[0], xy[1])
        .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line));
    diagonal(chart, 0, 1);
    axes(chart.getStyler(), 0, 1);
    return png(chart);
  }

  private static String label(ModelKey model, boolean oneLearner) {
    return oneLearner ? model.architecture() : model.toString();
  }

  /** Two bars per model: the RMSE of a derived quantity and the RMSE its two errors would give if independent. */
  public static byte[] derivedErrors(String title, List<String> models, List<Double> rmseDerived,
      List<Double> rmseIfIndependent, String axisTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(760).height(420).title(title).xAxisTitle("")
        .yAxisTitle(axisTitle).build();
    style(chart.getStyler());
    CategoryStyler styler = chart.getStyler();
    styler.setAvailableSpaceFill(0.7);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setYAxisMin(0.0);
    styler.setYAxisDecimalPattern("0.00");
    styler.setXAxisLabelRotation(models.size() > 4 ? 20 : 0);
    chart.addSeries("RMSE of the difference", models, rmseDerived);
    chart.addSeries("RMSE if the errors were independent", models, rmseIfIndependent);
    return png(chart);
  }

  private static boolean oneTwoFive(double v) {
    double mantissa = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
    long m = Math.round(mantissa);
    return Math.abs(mantissa - m) < 1e-6 && (m == 1 || m == 2 || m == 5);
  }

  private static void diagonal(XYChart chart, double lo, double hi) {
    XYSeries line = chart.addSeries("ideal", new double[] {lo, hi}, new double[] {lo, hi});
    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(DIAGONAL);
    line.setLineStyle(DASHED);
  }

  private static void axes(AxesChartStyler styler, double lo, double hi) {
    styler.setXAxisMin(lo);
    styler.setXAxisMax(hi);
    styler.setYAxisMin(lo);
    styler.setYAxisMax(hi);
  }

  private static void style(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(new Color(200, 200, 200));
    styler.setLegendBorderColor(new Color(220, 220, 220));
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    styler.setChartTitleBoxVisible(false);
    styler.setLocale(Locale.ROOT);
    styler.setPlotGridLinesColor(new Color(232, 232, 232));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setYAxisDecimalPattern("0.0##");
  }

  private static byte[] png(org.knowm.xchart.internal.chartpart.IChart chart) {
    try {
      return ChartEncoder.getBytes(chart, "png");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a chart as PNG", e);
    }
  }
}
