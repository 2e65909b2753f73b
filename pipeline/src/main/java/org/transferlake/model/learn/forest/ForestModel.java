package org.transferlake.model.learn.forest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.ModelIO;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.Provenance;
import org.transferlake.model.learn.SigmaCalibration;

/**
 * A trained forest. For a regression label the mean is the average of the trees and the standard deviation is
 * the spread of the trees calibrated out of bag ({@link SigmaCalibration}: lolo's observational uncertainty with a
 * floor); for a
 * class probability it is the jackknife standard deviation of the averaged probability.
 * {@link #jackknifeStd} gives the jackknife standard deviation of the mean for any label.
 */
final class ForestModel implements Model {
  private static final long serialVersionUID = 1L;
  public static final String LEARNER = "forest";
  /** How a saved forest's calibration is stored: none, a ratio per label (files from before floors), both. */
  private static final int UNCALIBRATED = 0;
  private static final int RATIO_ONLY = 1;
  private static final int CALIBRATED = 2;

  private final List<Label> labels;
  private final int features;
  private final Tree[] trees;
  /** Bootstrap multiplicity of each training row in each tree: [tree][row]. */
  private final byte[][] inBag;
  /** Per label, the calibration of the tree spread (null: not calibrated). */
  private final SigmaCalibration[] calibrations;
  private final Provenance provenance;
  private final int width;

  ForestModel(List<Label> labels, int features, Tree[] trees, byte[][] inBag, SigmaCalibration[] calibrations,
      Provenance provenance) {
    this.labels = List.copyOf(labels);
    this.features = features;
    this.trees = trees;
    this.inBag = inBag;
    this.calibrations = calibrations;
    this.provenance = provenance;
    this.width = trees[0].width;
  }

  @Override
  public List<Label> labels() {
    return labels;
  }

  @Override
  public int features() {
    return features;
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  public int trees() {
    return trees.length;
  }

  /** The calibration of a regression label's spread ({@link SigmaCalibration#NONE} when uncalibrated). */
  public SigmaCalibration calibration(int label) {
    return calibrations == null ? SigmaCalibration.NONE : calibrations[label];
  }

  @Override
  public Prediction predict(double[][] x) {
    int m = x.length;
    double[][][] out = treeOutputs(x);
    double[][][] mean = new double[labels.size()][m][];
    double[][][] std = new double[labels.size()][m][];
    double[][][] spreads = new double[labels.size()][m][];
    int offset = 0;
    for (int j = 0; j < labels.size(); j++) {
      Label label = labels.get(j);
      for (int r = 0; r < m; r++) {
        mean[j][r] = new double[label.width()];
        std[j][r] = new double[label.width()];
        spreads[j][r] = new double[label.width()];
      }
      for (int k = 0; k < label.width(); k++) {
        double[][] t = out[offset + k];
        double[] average = Jackknife.mean(t);
        double[] spread = label.isClassification() ? Jackknife.std(t, average, inBag)
            : Jackknife.treeStd(t, average);
        SigmaCalibration calibration = label.isClassification() ? SigmaCalibration.NONE : calibration(j);
        for (int r = 0; r < m; r++) {
          mean[j][r][k] = average[r];
          std[j][r][k] = calibration.sigma(spread[r]);
          spreads[j][r][k] = spread[r];
        }
      }
      offset += label.width();
    }
    return new Prediction(labels, mean, std, spreads);
  }

  /** Jackknife-after-bootstrap standard deviation of the forest's mean (bias-corrected, J and IJ averaged). */
  public double[] jackknifeStd(double[][] x, int label, int column) {
    int offset = 0;
    for (int j = 0; j < label; j++) {
      offset += labels.get(j).width();
    }
    double[][] t = treeOutputs(x)[offset + column];
    return Jackknife.std(t, Jackknife.mean(t), inBag);
  }

  /** Every tree's output for every row: [output column][tree][row]. */
  double[][][] treeOutputs(double[][] x) {
    for (double[] row : x) {
      if (row.length != features) {
        throw new IllegalArgumentException("a row has " + row.length + " features; the model expects " + features);
      }
    }
    double[][][] out = new double[width][trees.length][x.length];
    for (int b = 0; b < trees.length; b++) {
      Tree tree = trees[b];
      for (int r = 0; r < x.length; r++) {
        int o = tree.leafOffset(x[r]);
        for (int k = 0; k < width; k++) {
          out[k][b][r] = tree.values[o + k];
        }
      }
    }
    return out;
  }

  Tree tree(int b) {
    return trees[b];
  }

  byte[][] inBag() {
    return inBag;
  }

  @Override
  public void writeTo(DataOutputStream out) throws IOException {
    ModelIO.writeLabels(labels, out);
    out.writeInt(features);
    out.writeInt(trees.length);
    out.writeInt(inBag[0].length);
    for (int b = 0; b < trees.length; b++) {
      trees[b].writeTo(out);
      out.write(inBag[b]);
    }
    out.writeByte(calibrations == null ? UNCALIBRATED : CALIBRATED);
    if (calibrations != null) {
      for (SigmaCalibration c : calibrations) {
        c.writeTo(out);
      }
    }
  }

  public static ForestModel read(DataInputStream in, Provenance provenance) throws IOException {
    List<Label> labels = ModelIO.readLabels(in);
    int labelCount = labels.size();
    int width = labels.stream().mapToInt(Label::width).sum();
    int features = in.readInt();
    int treeCount = in.readInt();
    int rows = in.readInt();
    Tree[] trees = new Tree[treeCount];
    byte[][] inBag = new byte[treeCount][rows];
    for (int b = 0; b < treeCount; b++) {
      trees[b] = Tree.read(in, width);
      in.readFully(inBag[b]);
    }
    SigmaCalibration[] calibrations = null;
    int calibration = in.readByte();
    if (calibration != UNCALIBRATED) {
      calibrations = new SigmaCalibration[labelCount];
      for (int j = 0; j < labelCount; j++) {
        calibrations[j] = calibration == RATIO_ONLY ? new SigmaCalibration(in.readDouble(), 0)
            : SigmaCalibration.read(in);
      }
    }
    return new ForestModel(labels, features, trees, inBag, calibrations, provenance);
  }
}
