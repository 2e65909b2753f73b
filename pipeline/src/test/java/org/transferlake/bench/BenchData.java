package org.transferlake.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.testing.MatbenchGaps;

/** matbench_expt_gap with Magpie features, split by the official fold 0: the benchmark's one data set. */
record BenchData(double[][] trainX, double[] trainY, double[][] testX, double[] testY) {

  static BenchData fold0() {
    MatbenchGaps gaps = MatbenchGaps.load();
    int[] train = gaps.rows(0, false);
    int[] test = gaps.rows(0, true);
    return new BenchData(pick(gaps.x, train), pick(gaps.experimental, train), pick(gaps.x, test),
        pick(gaps.experimental, test));
  }

  TrainingSet training() {
    return TrainingSet.of(trainX, trainY, Label.regression("band_gap"));
  }

  /** Writes train.csv and test.csv (features f0.., then target) for the Python side: the same doubles, exactly. */
  void export(Path dir) throws IOException {
    write(dir.resolve("train.csv"), trainX, trainY);
    write(dir.resolve("test.csv"), testX, testY);
  }

  private static void write(Path file, double[][] x, double[] y) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      StringBuilder line = new StringBuilder();
      for (int f = 0; f < x[0].length; f++) {
        line.append('f').append(f).append(',');
      }
      out.println(line.append("target"));
      for (int i = 0; i < x.length; i++) {
        line.setLength(0);
        for (double v : x[i]) {
          line.append(v).append(','); // Double.toString: the shortest text that reads back to the same double
        }
        out.println(line.append(y[i]));
      }
    }
  }

  static double mae(double[] predicted, double[] actual) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(predicted[i] - actual[i]);
    }
    return sum / actual.length;
  }

  private static double[][] pick(double[][] rows, int[] index) {
    double[][] out = new double[index.length][];
    for (int i = 0; i < index.length; i++) {
      out[i] = rows[index[i]];
    }
    return out;
  }

  private static double[] pick(double[] values, int[] index) {
    double[] out = new double[index.length];
    for (int i = 0; i < index.length; i++) {
      out[i] = values[index[i]];
    }
    return out;
  }
}
