package org.transferlake.model.learn.mlp;

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
 * A trained ensemble of networks. A regression label's mean is that of the members' predictions in the label's
 * own units, its standard deviation their spread calibrated on held-out rows ({@link SigmaCalibration}; with one
 * member the floor alone); a classification label's are those of the members' class probabilities. Holds each
 * member's parameters as bytes, loaded into native memory on the first prediction and kept for the next ones
 * ({@link LoadedMembers}: released when the model is collected; nothing to close). Safe to share between threads.
 */
final class MlpModel implements Model {
  public static final String LEARNER = "mlp";

  private final Outputs outputs;
  private final Network network;
  private final Standardizer inputs;
  private final Standardizer targets;
  private final byte[][] members;
  private final LoadedMembers loaded;
  /** Per label, the calibration of the members' spread (null: not calibrated). */
  private final SigmaCalibration[] calibrations;
  private final Provenance provenance;

  MlpModel(List<Label> labels, Network network, Standardizer inputs, Standardizer targets, byte[][] members,
      SigmaCalibration[] calibrations, Provenance provenance) {
    this(labels, network, inputs, targets, members, new LoadedMembers(network, members), calibrations, provenance);
  }

  private MlpModel(List<Label> labels, Network network, Standardizer inputs, Standardizer targets, byte[][] members,
      LoadedMembers loaded, SigmaCalibration[] calibrations, Provenance provenance) {
    this.outputs = new Outputs(labels);
    this.network = network;
    this.inputs = inputs;
    this.targets = targets;
    this.members = members;
    this.loaded = loaded;
    this.calibrations = calibrations;
    this.provenance = provenance;
  }

  /** This model with the spread's calibrations, sharing its loaded members. */
  MlpModel withCalibrations(SigmaCalibration[] calibrated) {
    return new MlpModel(outputs.labels(), network, inputs, targets, members, loaded, calibrated, provenance);
  }

  @Override
  public List<Label> labels() {
    return outputs.labels();
  }

  @Override
  public int features() {
    return network.inputs();
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  public int members() {
    return members.length;
  }

  @Override
  public Prediction predict(double[][] x) {
    for (double[] row : x) {
      if (row.length != features()) {
        throw new IllegalArgumentException("a row has " + row.length + " features; the model expects " + features());
      }
    }
    float[] standardized = inputs.standardizeRows(x);
    float[][] raw = loaded.outputs(standardized, x.length);
    int rows = x.length;
    double[][][] mean = new double[outputs.count()][rows][];
    double[][][] std = new double[outputs.count()][rows][];
    double[][][] spread = new double[outputs.count()][rows][];
    double[][] values = new double[members.length][];
    for (int j = 0; j < outputs.count(); j++) {
      Label label = outputs.label(j);
      for (int r = 0; r < rows; r++) {
        for (int m = 0; m < members.length; m++) {
          values[m] = memberValues(raw[m], r, j);
        }
        mean[j][r] = new double[label.width()];
        std[j][r] = new double[label.width()];
        meanAndStd(values, mean[j][r], std[j][r]);
        spread[j][r] = std[j][r].clone();
        if (calibrations != null && !label.isClassification()) {
          std[j][r][0] = calibrations[j].sigma(std[j][r][0]);
        }
      }
    }
    return new Prediction(outputs.labels(), mean, std, spread);
  }

  /** One member's prediction for row r and label j: the value in the label's units, or class probabilities. */
  private double[] memberValues(float[] raw, int r, int j) {
    int at = r * outputs.width() + outputs.offset(j);
    Label label = outputs.label(j);
    if (!label.isClassification()) {
      return new double[] {targets.restore(j, raw[at])};
    }
    // Softmax in double from the logits: probabilities sum to 1 to double precision.
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < label.width(); k++) {
      max = Math.max(max, raw[at + k]);
    }
    double[] p = new double[label.width()];
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] = Math.exp(raw[at + k] - max);
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** Mean and population standard deviation over members, column by column. */
  private static void meanAndStd(double[][] values, double[] mean, double[] std) {
    for (int k = 0; k < mean.length; k++) {
      double sum = 0;
      for (double[] v : values) {
        sum += v[k];
      }
      double m = sum / values.length;
      double squares = 0;
      for (double[] v : values) {
        squares += (v[k] - m) * (v[k] - m);
      }
      mean[k] = m;
      std[k] = Math.sqrt(squares / values.length);
    }
  }

  @Override
  public void writeTo(DataOutputStream out) throws IOException {
    ModelIO.writeLabels(outputs.labels(), out);
    network.writeTo(out);
    inputs.writeTo(out);
    targets.writeTo(out);
    out.writeInt(members.length);
    for (byte[] member : members) {
      out.writeInt(member.length);
      out.write(member);
    }
    out.writeBoolean(calibrations != null);
    if (calibrations != null) {
      for (SigmaCalibration c : calibrations) {
        c.writeTo(out);
      }
    }
  }

  public static MlpModel read(DataInputStream in, Provenance provenance) throws IOException {
    List<Label> labels = ModelIO.readLabels(in);
    Network network = Network.read(in);
    Standardizer inputs = Standardizer.read(in);
    Standardizer targets = Standardizer.read(in);
    byte[][] members = new byte[in.readInt()][];
    for (int m = 0; m < members.length; m++) {
      members[m] = new byte[in.readInt()];
      in.readFully(members[m]);
    }
    // Files saved before calibration end here; the payload is an in-memory stream, whose available() is exact.
    SigmaCalibration[] calibrations = null;
    if (in.available() > 0 && in.readBoolean()) {
      calibrations = new SigmaCalibration[labels.size()];
      for (int j = 0; j < calibrations.length; j++) {
        calibrations[j] = SigmaCalibration.read(in);
      }
    }
    return new MlpModel(labels, network, inputs, targets, members, calibrations, provenance);
  }
}
