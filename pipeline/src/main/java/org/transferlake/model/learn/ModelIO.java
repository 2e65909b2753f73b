package org.transferlake.model.learn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Saves and loads models: a header naming the learner and its provenance, the learner's payload, and a SHA-256
 * over both, so that a damaged file fails to load with a clear error instead of predicting nonsense.
 */
public final class ModelIO {
  private static final byte[] MAGIC = "TLMODEL1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private ModelIO() {}

  public static void save(Model model, OutputStream out) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(body);
    writeProvenance(model.provenance(), data);
    model.writeTo(data);
    data.flush();
    writeFramed(MAGIC, body.toByteArray(), out);
  }

  /** Writes {@code magic}, the payload's length, the payload and its SHA-256: the layout of every saved file. */
  public static void writeFramed(byte[] magic, byte[] payload, OutputStream out) throws IOException {
    DataOutputStream file = new DataOutputStream(out);
    file.write(magic);
    file.writeInt(payload.length);
    file.write(payload);
    file.write(sha256(payload));
    file.flush();
  }

  public static byte[] toBytes(Model model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    save(model, out);
    return out.toByteArray();
  }

  /**
   * Loads a model saved by {@link #save}.
   *
   * @param what names the file or artifact in error messages
   * @param readers each learner's reader, by learner name (the component registry's)
   */
  public static Model load(InputStream in, String what, Map<String, ModelReader> readers) throws IOException {
    byte[] bytes = readFramed(MAGIC, in, what, "a transferlake model");
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
    Provenance provenance = readProvenance(data);
    ModelReader reader = readers.get(provenance.learner());
    if (reader == null) {
      throw new ModelFormatException(what + ": no reader for learner '" + provenance.learner() + "' (known: "
          + String.join(", ", readers.keySet()) + ")");
    }
    return reader.read(data, provenance);
  }

  /**
   * Reads what {@link #writeFramed} wrote and checks it.
   *
   * @param kind what the file should be, for the bad-header message
   * @throws ModelFormatException when the header, the length or the checksum is wrong, or the file is truncated
   */
  public static byte[] readFramed(byte[] magic, InputStream in, String what, String kind) throws IOException {
    DataInputStream file = new DataInputStream(in);
    byte[] found = new byte[magic.length];
    byte[] bytes;
    byte[] stored = new byte[32];
    try {
      file.readFully(found);
      if (!Arrays.equals(found, magic)) {
        throw new ModelFormatException(what + " is not " + kind + " (bad header)");
      }
      int length = file.readInt();
      if (length < 0 || length > (1 << 30)) {
        throw new ModelFormatException(what + " is corrupt: impossible payload length " + length);
      }
      bytes = new byte[length];
      file.readFully(bytes);
      file.readFully(stored);
    } catch (java.io.EOFException e) {
      throw new ModelFormatException(what + " is truncated", e);
    }
    byte[] actual = sha256(bytes);
    if (!Arrays.equals(actual, stored)) {
      throw new ModelFormatException(what + " is corrupt: checksum " + HexFormat.of().formatHex(actual)
          + " differs from the stored " + HexFormat.of().formatHex(stored));
    }
    return bytes;
  }

  public static Model fromBytes(byte[] bytes, String what, Map<String, ModelReader> readers) throws IOException {
    return load(new ByteArrayInputStream(bytes), what, readers);
  }

  /** Labels as every learner's payload starts: name, weight and classes of each. */
  public static void writeLabels(List<Label> labels, DataOutputStream out) throws IOException {
    out.writeInt(labels.size());
    for (Label label : labels) {
      out.writeUTF(label.name());
      out.writeDouble(label.weight());
      out.writeInt(label.classes().size());
      for (String c : label.classes()) {
        out.writeUTF(c);
      }
    }
  }

  public static List<Label> readLabels(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<Label> labels = new ArrayList<>(count);
    for (int j = 0; j < count; j++) {
      String name = in.readUTF();
      double weight = in.readDouble();
      int classCount = in.readInt();
      List<String> classes = new ArrayList<>(classCount);
      for (int c = 0; c < classCount; c++) {
        classes.add(in.readUTF());
      }
      labels.add(new Label(name, classes, weight));
    }
    return labels;
  }

  private static void writeProvenance(Provenance p, DataOutputStream out) throws IOException {
    out.writeUTF(p.learner());
    writeMap(p.params(), out);
    out.writeLong(p.seed());
    out.writeUTF(p.dataFingerprint());
    out.writeInt(p.trainingRows());
    writeMap(p.versions(), out);
    out.writeLong(p.trainedAt().toEpochMilli());
  }

  private static Provenance readProvenance(DataInputStream in) throws IOException {
    return new Provenance(in.readUTF(), readMap(in), in.readLong(), in.readUTF(), in.readInt(), readMap(in),
        Instant.ofEpochMilli(in.readLong()));
  }

  public static void writeMap(Map<String, String> map, DataOutputStream out) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  public static Map<String, String> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      map.put(in.readUTF(), in.readUTF());
    }
    return map;
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
