package org.transferlake.model.learn.mllib;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.pow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.ModelFormatException;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.Provenance;

/**
 * An MLlib regressor as a {@link Model}. The standard deviation of a random forest is the spread of its trees'
 * predictions; gradient-boosted trees and linear models have no per-row spread, so theirs is the training
 * residuals' root mean square (the same for every row).
 */
final class MllibModel implements Model {
  private static final long serialVersionUID = 1L;
  private final Label label;
  private final int features;
  private final org.apache.spark.ml.Model<?> model;
  private final double residualStd;
  private final Provenance provenance;

  MllibModel(Label label, int features, org.apache.spark.ml.Model<?> model, double residualStd, Provenance provenance) {
    this.label = label;
    this.features = features;
    this.model = model;
    this.residualStd = residualStd;
    this.provenance = provenance;
  }

  @Override
  public List<Label> labels() {
    return List.of(label);
  }

  @Override
  public int features() {
    return features;
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public Prediction predict(double[][] x) {
    double[] mean = new double[x.length];
    double[] std = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      Vector v = Vectors.dense(x[i]);
      mean[i] = predictOne(v);
      std[i] = model instanceof RandomForestRegressionModel rf ? treeSpread(rf, v, mean[i]) : residualStd;
    }
    return Prediction.regression(label, mean, std);
  }

  private double predictOne(Vector v) {
    if (model instanceof RandomForestRegressionModel rf) {
      return rf.predict(v);
    }
    if (model instanceof GBTRegressionModel gbt) {
      return gbt.predict(v);
    }
    return ((LinearRegressionModel) model).predict(v);
  }

  private static double treeSpread(RandomForestRegressionModel rf, Vector v, double mean) {
    DecisionTreeRegressionModel[] trees = rf.trees();
    if (trees.length < 2) {
      return 0;
    }
    double ss = 0;
    for (DecisionTreeRegressionModel tree : trees) {
      double d = tree.predict(v) - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / (trees.length - 1));
  }

  /** Root mean square of the training residuals, computed distributed. */
  double residualStd(Dataset<Row> frame, String featuresCol, String labelCol) {
    Dataset<Row> scored = ((org.apache.spark.ml.Transformer) model).transform(frame);
    Row r = scored.agg(avg(pow(col("prediction").minus(col(labelCol)), 2))).first();
    return r.isNullAt(0) ? 0 : Math.sqrt(r.getDouble(0));
  }

  @Override
  public void writeTo(DataOutputStream out) throws IOException {
    out.writeUTF(label.name());
    out.writeInt(features);
    out.writeDouble(residualStd);
    // MLlib models are Serializable; its own writer needs a directory, and an artifact here is one checksummed file.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(model);
    }
    out.writeInt(bytes.size());
    bytes.writeTo(out);
  }

  public static MllibModel read(DataInputStream in, Provenance provenance) throws IOException {
    Label label = Label.regression(in.readUTF());
    int features = in.readInt();
    double residualStd = in.readDouble();
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return new MllibModel(label, features, (org.apache.spark.ml.Model<?>) objects.readObject(), residualStd,
          provenance);
    } catch (ClassNotFoundException e) {
      throw new ModelFormatException("MLlib model class not found: " + e.getMessage(), e);
    }
  }
}
