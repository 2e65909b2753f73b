package org.transferlake.model.registry;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * {@code models.registry} and its artifacts: the final model per architecture and learner of every run, saved under
 * {@code <lake.root>/artifacts/models/<experiment>/<run_id>/}, and found again for {@code predict}. Only published
 * runs (with a row in {@code ops.runs}) are found.
 */
public final class ModelRegistry {
  private final Lake lake;
  private final String artifactsRoot;

  /** @param artifactsRoot the lake's artifacts directory (a URI), e.g. {@code file:/data/lake/artifacts} */
  public ModelRegistry(Lake lake, String artifactsRoot) {
    this.lake = lake;
    this.artifactsRoot = artifactsRoot;
  }

  /**
   * Writes the run's artifacts (replacing the run's directory) and replaces its registry rows in one commit; each
   * row's {@code features} is the preset its model was chosen with.
   */
  public void write(String runId, String experiment, String targetContext, List<FinalFit> fits)
      throws IOException {
    Path runDir = new Path(artifactsRoot + "/models/" + experiment + "/" + runId);
    FileSystem fs = runDir.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
    fs.delete(runDir, true);
    List<Row> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (FinalFit fit : fits) {
      FinalChoice c = fit.choice();
      Path file = new Path(runDir, c.architecture() + "__" + c.learner() + ".tlm");
      try (OutputStream out = fs.create(file, true)) {
        out.write(fit.artifact());
      }
      Map<String, String> provenance = new TreeMap<>(fit.provenance().versions());
      provenance.put("learner", fit.provenance().learner());
      provenance.put("data_fingerprint", fit.provenance().dataFingerprint());
      provenance.put("training_rows", Integer.toString(fit.provenance().trainingRows()));
      provenance.put("trained_at", fit.provenance().trainedAt().toString());
      rows.add(RowFactory.create(runId, experiment, targetContext, c.architecture(), c.learner(), c.paramsText(),
          c.selectedBy(), c.features(), c.cvMetric(), c.cvScore(), nullIfNaN(c.cvScoreSd()), c.cvMae(), c.cvRmse(),
          c.cvFolds(), fit.nTrain(), fit.seed(), file.toString(), TransferArtifact.sha256Hex(fit.artifact()),
          (long) fit.artifact().length, scala.jdk.javaapi.CollectionConverters.asScala(fit.seenElements()).toSeq(),
          scala.jdk.javaapi.CollectionConverters.asScala(provenance), fit.fitSeconds(), now));
    }
    lake.overwrite(LakeTable.REGISTRY, lake.spark().createDataFrame(rows, lake.read(LakeTable.REGISTRY).schema()),
        col("run_id").equalTo(runId));
  }

  /**
   * One registered model: its registry row's key facts and where its artifact is.
   *
   * @param targetContext what it predicts, {@code property/fidelity/source_id}
   */
  public record Entry(String runId, String experiment, String architecture, String learner, String params,
      String artifact, String sha256, double cvScore, String cvMetric, String targetContext) {}

  /**
   * The registered model of an experiment's architecture and learner: from {@code runId}, or from the newest
   * published run that registered one. With {@code architecture} or {@code learner} null, the one with the best
   * (lowest) cross-validated score among those of that run that match the rest.
   *
   * @throws SettingsException when none is registered, listing what is
   */
  public Entry find(String experiment, String architecture, String learner, String runId) {
    String published = "SELECT run_id, finished_at FROM " + lake.name(LakeTable.RUNS) + " WHERE status = 'published'";
    List<Row> rows = lake.spark().sql("SELECT r.run_id, r.experiment, r.architecture, r.learner, r.params,"
        + " r.artifact, r.artifact_sha256, r.cv_score, r.cv_metric, r.target_context"
        + " FROM " + lake.name(LakeTable.REGISTRY) + " r"
        + " JOIN (" + published + ") p ON r.run_id = p.run_id"
        + " WHERE r.experiment = '" + quote(experiment) + "'"
        + " ORDER BY p.finished_at DESC, r.run_id DESC").collectAsList();
    List<String> known = new ArrayList<>();
    Row best = null;
    for (Row r : rows) {
      known.add(r.getString(2) + "/" + r.getString(3) + " (run " + r.getString(0) + ")");
      boolean matches = (architecture == null || r.getString(2).equals(architecture))
          && (learner == null || r.getString(3).equals(learner)) && (runId == null || r.getString(0).equals(runId));
      if (matches && (best == null || (r.getString(0).equals(best.getString(0)) && r.getDouble(7) < best.getDouble(7)))) {
        best = r;
      }
    }
    if (best != null) {
      return new Entry(best.getString(0), best.getString(1), best.getString(2), best.getString(3),
          best.getString(4), best.getString(5), best.getString(6), best.getDouble(7), best.getString(8),
          best.getString(9));
    }
    throw new SettingsException("no registered model for experiment " + experiment
        + (architecture == null ? "" : ", architecture " + architecture) + (learner == null ? "" : ", learner " + learner)
        + (runId == null ? "" : ", run " + runId) + " in "
        + lake.name(LakeTable.REGISTRY) + (known.isEmpty() ? " (none for this experiment: train it"
        + " first)" : "; registered: " + String.join(", ", known)));
  }

  /**
   * Reads an entry's artifact, checking it against the SHA-256 the registry recorded.
   *
   * @throws org.transferlake.model.learn.ModelFormatException when the file differs from what was registered or is damaged
   */
  public TransferArtifact load(Entry entry) throws IOException {
    return TransferArtifact.fromBytes(bytes(entry), entry.artifact());
  }

  /**
   * An entry's artifact file, checked against the SHA-256 the registry recorded.
   *
   * @throws org.transferlake.model.learn.ModelFormatException when the file differs from what was registered
   */
  public byte[] bytes(Entry entry) throws IOException {
    Path file = new Path(entry.artifact());
    byte[] bytes;
    try (InputStream in = file.getFileSystem(lake.spark().sparkContext().hadoopConfiguration()).open(file)) {
      bytes = in.readAllBytes();
    }
    String sha = TransferArtifact.sha256Hex(bytes);
    if (!sha.equals(entry.sha256())) {
      throw new org.transferlake.model.learn.ModelFormatException(file + " has SHA-256 " + sha + " but the registry"
          + " recorded " + entry.sha256() + " for run " + entry.runId() + ": the file was changed or damaged");
    }
    return bytes;
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static String quote(String s) {
    return s.replace("'", "''");
  }
}
