package org.transferlake.model.learn.mllib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.transferlake.model.learn.FitCosts;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.LearnerComponent;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Param;
import org.transferlake.model.learn.ParamValues;
import org.transferlake.model.learn.Provenance;
import org.transferlake.model.learn.TrainingSet;

/**
 * Spark MLlib regressors (random forest, gradient-boosted trees, linear), trained distributed on the driver's
 * session: for source contexts too large to train inside one task. Single numeric label; rows with a missing
 * label are dropped.
 *
 * @param algorithm mllib_rf, mllib_gbt or mllib_linear
 * @param trees trees of a forest, or boosting iterations
 * @param maxDepth deepest tree level (MLlib allows at most 30)
 * @param maxBins bins per continuous feature for split finding
 * @param regParam L2 regularisation of the linear model
 */
public record MllibLearner(String algorithm, int trees, int maxDepth, int maxBins, double regParam) implements Learner {
  public static final String RANDOM_FOREST = "mllib_rf";
  public static final String GBT = "mllib_gbt";
  public static final String LINEAR = "mllib_linear";

  public static final Param<Integer> TREES = Param.wholeNumber("trees", "trees of a forest, or boosting iterations",
      50, v -> v >= 1, "1 or more");
  public static final Param<Integer> MAX_DEPTH = Param.wholeNumber("max-depth", "deepest tree level", 15,
      v -> v >= 1 && v <= 30, "1 to 30 (MLlib's limit)");
  public static final Param<Integer> MAX_BINS = Param.wholeNumber("max-bins",
      "bins per continuous feature for split finding", 64, v -> v >= 2, "2 or more");
  public static final Param<Double> REG_PARAM = Param.number("reg-param", "L2 regularisation of the linear model",
      0.0, v -> v >= 0, "0 or more");

  /** MLlib's random forest ({@code mllib_rf}), trained distributed. */
  public static final LearnerComponent RANDOM_FOREST_COMPONENT = new LearnerComponent(RANDOM_FOREST,
      "Spark MLlib's random forest regressor, trained on the driver's session", List.of(TREES, MAX_DEPTH, MAX_BINS),
      false, (p, threads) -> of(RANDOM_FOREST, p), MllibLearner::treeSeconds, MllibModel::read);
  /** MLlib's gradient-boosted trees ({@code mllib_gbt}). */
  public static final LearnerComponent GBT_COMPONENT = new LearnerComponent(GBT,
      "Spark MLlib's gradient-boosted tree regressor, trained on the driver's session",
      List.of(TREES, MAX_DEPTH, MAX_BINS), false, (p, threads) -> of(GBT, p), MllibLearner::treeSeconds,
      MllibModel::read);
  /** MLlib's linear regression ({@code mllib_linear}). */
  public static final LearnerComponent LINEAR_COMPONENT = new LearnerComponent(LINEAR,
      "Spark MLlib's linear regression with an L2 penalty, trained on the driver's session", List.of(REG_PARAM),
      false, (p, threads) -> of(LINEAR, p), (p, rows) -> FitCosts.linear(rows), MllibModel::read);

  public MllibLearner {
    if (!List.of(RANDOM_FOREST, GBT, LINEAR).contains(algorithm)) {
      throw new IllegalArgumentException("mllib algorithm = " + algorithm + ": expected mllib_rf, mllib_gbt or mllib_linear");
    }
    TREES.check(trees);
    MAX_DEPTH.check(maxDepth);
    MAX_BINS.check(maxBins);
    REG_PARAM.check(regParam);
  }

  private static MllibLearner of(String algorithm, ParamValues p) {
    return new MllibLearner(algorithm, p.get(TREES), p.get(MAX_DEPTH), p.get(MAX_BINS), p.get(REG_PARAM));
  }

  /** Costed as trees on every feature (not measured for MLlib). */
  private static double treeSeconds(ParamValues p, double rows) {
    return FitCosts.trees(rows, p.get(TREES), 1.0);
  }

  public static MllibLearner randomForest(int trees, int maxDepth) {
    return new MllibLearner(RANDOM_FOREST, trees, maxDepth, 64, 0);
  }

  @Override
  public String name() {
    return algorithm;
  }

  @Override
  public Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    if (!algorithm.equals(LINEAR)) {
      p.put(TREES.name(), TREES.write(trees));
      p.put(MAX_DEPTH.name(), MAX_DEPTH.write(maxDepth));
      p.put(MAX_BINS.name(), MAX_BINS.write(maxBins));
    } else {
      p.put(REG_PARAM.name(), REG_PARAM.write(regParam));
    }
    return p;
  }

  /** Trains on arrays through the active Spark session (a DataFrame of them). */
  @Override
  public Model fit(TrainingSet data, long seed) {
    if (data.labels().size() != 1 || data.labels().get(0).isClassification()) {
      throw new IllegalArgumentException(algorithm + " trains one numeric label; got " + data.labels());
    }
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < data.rows(); i++) {
      if (!Double.isNaN(data.y(i, 0))) {
        rows.add(RowFactory.create(Vectors.dense(data.x()[i]), data.y(i, 0)));
      }
    }
    SparkSession spark = SparkSession.active();
    Dataset<Row> frame = spark.createDataFrame(rows, schema);
    return fit(frame, "features", "label", data.labels().get(0), data.features(), data.fingerprint(), seed);
  }

  /** Trains distributed on a Dataset with a vector column and a numeric label column. */
  public MllibModel fit(Dataset<Row> frame, String featuresCol, String labelCol, Label label, int features,
      String fingerprint, long seed) {
    org.apache.spark.ml.Model<?> model = switch (algorithm) {
      case RANDOM_FOREST -> new RandomForestRegressor().setNumTrees(trees).setMaxDepth(maxDepth).setMaxBins(maxBins)
          .setFeaturesCol(featuresCol).setLabelCol(labelCol).setSeed(seed).fit(frame);
      case GBT -> new GBTRegressor().setMaxIter(trees).setMaxDepth(maxDepth).setMaxBins(maxBins)
          .setFeaturesCol(featuresCol).setLabelCol(labelCol).setSeed(seed).fit(frame);
      default -> new LinearRegression().setRegParam(regParam).setFeaturesCol(featuresCol).setLabelCol(labelCol)
          .fit(frame);
    };
    MllibModel unscored = new MllibModel(label, features, model, 0, null);
    double residualStd = unscored.residualStd(frame, featuresCol, labelCol);
    Provenance provenance = new Provenance(name(), params(), seed, fingerprint, (int) Math.min(Integer.MAX_VALUE,
        frame.count()), Map.of("spark", frame.sparkSession().version(), "transferlake",
        org.transferlake.model.learn.Versions.TRANSFERLAKE), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    return new MllibModel(label, features, model, residualStd, provenance);
  }
}
