package org.transferlake.model.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.ModelFormatException;
import org.transferlake.model.learn.ModelIO;
import org.transferlake.model.transfer.FrozenSources;
import org.transferlake.model.transfer.SourceEstimator;
import org.transferlake.model.transfer.TransferModel;
import org.transferlake.model.components.Components;

/**
 * A registered model as one file: the fitted architecture (its stage-two model, options and frozen sources), the
 * feature columns it reads in order, the elements its training compositions contained, and what it is about
 * (experiment, run, learner, features). A SHA-256 over the payload makes a damaged file fail to load.
 *
 * @param about free-form facts shown by the registry (experiment, run_id, learner, params, features, ...)
 * @param seenElements elements of every composition the model trained on, target and sources
 */
public record TransferArtifact(TransferModel model, Map<String, String> about, List<String> featureColumns,
    List<String> seenElements) {
  private static final byte[] MAGIC = "TLXFER01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  public TransferArtifact {
    about = Map.copyOf(new TreeMap<>(about));
    featureColumns = List.copyOf(featureColumns);
    seenElements = List.copyOf(new TreeSet<>(seenElements));
  }

  /** The file's bytes; the model's sources are frozen (measured values and a model on all rows each). */
  public byte[] toBytes() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(body);
    out.writeUTF(model.architecture());
    ModelIO.writeMap(model.options(), out);
    ModelIO.writeLabels(List.of(model.target()), out);
    ModelIO.writeMap(about, out);
    writeStrings(featureColumns, out);
    writeStrings(seenElements, out);
    out.writeInt(model.models().size());
    for (Model m : model.models()) {
      writeModel(m, out);
    }
    SourceEstimator sources = model.sources();
    FrozenSources frozen = sources == null ? new FrozenSources(List.of()) : freeze(sources);
    out.writeInt(frozen.size());
    for (FrozenSources.Source s : frozen.sources()) {
      out.writeUTF(s.context());
      out.writeInt(s.measured().size());
      for (Map.Entry<String, Double> e : new TreeMap<>(s.measured()).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeDouble(e.getValue());
      }
      writeModel(s.model(), out);
    }
    out.flush();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    ModelIO.writeFramed(MAGIC, body.toByteArray(), file);
    return file.toByteArray();
  }

  /**
   * Reads a file written by {@link #toBytes}.
   *
   * @param what names the file in error messages
   * @throws ModelFormatException when the file is not an artifact, is truncated or fails its checksum
   */
  public static TransferArtifact fromBytes(byte[] bytes, String what) throws IOException {
    byte[] payload = ModelIO.readFramed(MAGIC, new ByteArrayInputStream(bytes), what,
        "a transferlake model artifact");
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    String architecture = in.readUTF();
    Map<String, String> options = ModelIO.readMap(in);
    Label target = ModelIO.readLabels(in).get(0);
    Map<String, String> about = ModelIO.readMap(in);
    List<String> features = readStrings(in);
    List<String> elements = readStrings(in);
    int modelCount = in.readInt();
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < modelCount; i++) {
      models.add(readModel(in, what));
    }
    int sourceCount = in.readInt();
    List<FrozenSources.Source> sources = new ArrayList<>();
    for (int i = 0; i < sourceCount; i++) {
      String context = in.readUTF();
      int n = in.readInt();
      Map<String, Double> measured = new java.util.HashMap<>(Math.max(16, n * 2));
      for (int k = 0; k < n; k++) {
        measured.put(in.readUTF(), in.readDouble());
      }
      sources.add(new FrozenSources.Source(context, measured, readModel(in, what + " (source " + context + ")")));
    }
    TransferModel restored = Components.architecture(architecture).assemble(models, target, options,
        sourceCount == 0 ? null : new FrozenSources(sources));
    return new TransferArtifact(restored, about, features, elements);
  }

  private static FrozenSources freeze(SourceEstimator sources) {
    if (sources instanceof FrozenSources frozen) {
      return frozen;
    }
    if (sources instanceof org.transferlake.model.transfer.SourceModels trained) {
      return trained.freeze();
    }
    throw new IllegalArgumentException("cannot save sources of type " + sources.getClass().getName());
  }

  private static void writeModel(Model model, DataOutputStream out) throws IOException {
    byte[] bytes = ModelIO.toBytes(model);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static Model readModel(DataInputStream in, String what) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return Components.readModel(bytes, what);
  }

  private static void writeStrings(List<String> values, DataOutputStream out) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      out.writeUTF(v);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return out;
  }

  /** Hex SHA-256 of a file's bytes, as the registry records it. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(ModelIO.sha256(bytes));
  }
}
