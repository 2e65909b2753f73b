package org.transferlake.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A lock over one lake: a file under {@code <root>/locks/} created atomically (Hadoop's {@code create(path, false)}
 * fails when the file exists), holding who took it and when. Closing it deletes the file. A holder that died
 * (killed, node lost) leaves the file behind: it stays until someone deletes it, after checking that the named
 * process is gone.
 */
public final class LakeLock implements AutoCloseable {
  private final FileSystem fs;
  private final Path path;

  private LakeLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** Refused: another process holds the lock. */
  public static final class HeldException extends Exception {
    private static final long serialVersionUID = 1L;

    HeldException(String message) {
      super(message);
    }
  }

  /**
   * Takes the lock {@code name} of the lake at {@code root} (a URI, as {@link LakeLocation#root()}).
   *
   * @throws HeldException naming the holder, when the lock is taken
   */
  public static LakeLock acquire(String root, String name, Configuration conf) throws IOException, HeldException {
    Path path = new Path(root + "/locks/" + name + ".lock");
    FileSystem fs = path.getFileSystem(conf);
    fs.mkdirs(path.getParent());
    try (OutputStream out = fs.create(path, false)) {
      out.write(("holder=" + holder() + "\nstarted_at=" + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      throw new HeldException(refusal(fs, path));
    } catch (IOException e) {
      if (fs.exists(path)) { // some filesystems report an existing file as a plain IOException
        throw new HeldException(refusal(fs, path));
      }
      throw e;
    }
    return new LakeLock(fs, path);
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    fs.delete(path, false);
  }

  /** {@code user@host pid N}. */
  static String holder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return System.getProperty("user.name") + "@" + host + " pid " + ProcessHandle.current().pid();
  }

  private static String refusal(FileSystem fs, Path path) throws IOException {
    String content;
    try (InputStream in = fs.open(path)) {
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace("\n", ", ");
    } catch (IOException e) {
      content = "holder unreadable: " + e.getMessage();
    }
    return "the lake is locked by another run (" + content + "): " + path + ". If that process is gone, delete the"
        + " file and start again.";
  }
}
