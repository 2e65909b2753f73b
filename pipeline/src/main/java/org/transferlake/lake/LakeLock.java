package org.transferlake.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock over one lake: a file under {@code <root>/locks/} created atomically (Hadoop's {@code create(path, false)}
 * fails when the file exists), holding who took it and when. Closing it deletes the file. A holder that died leaves
 * the file behind: when it names a process of this host that no longer runs, the next taker removes it and takes
 * the lock; a holder on another host stays until someone deletes the file after checking that the process is gone.
 */
public final class LakeLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LakeLock.class);
  private final FileSystem fs;
  private final Path path;

  private LakeLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** Refused: another process holds the lock. */
  public static final class HeldException extends RuntimeException {
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
  public static LakeLock acquire(String root, String name, Configuration conf) throws IOException {
    Path path = new Path(root + "/locks/" + name + ".lock");
    FileSystem fs = path.getFileSystem(conf);
    fs.mkdirs(path.getParent());
    if (create(fs, path)) {
      return new LakeLock(fs, path);
    }
    String content = content(fs, path);
    if (deadHolderHere(content)) {
      LOG.warn("lock {} was left by a process that no longer runs ({}): taking it over", path, oneLine(content));
      fs.delete(path, false);
      if (create(fs, path)) {
        return new LakeLock(fs, path);
      }
      content = content(fs, path); // another taker was faster
    }
    throw new HeldException("the lake is locked by another run (" + oneLine(content) + "): " + path
        + ". If that process is gone, delete the file and start again.");
  }

  /** Creates the lock file; false when it exists. */
  private static boolean create(FileSystem fs, Path path) throws IOException {
    try (OutputStream out = fs.create(path, false)) {
      out.write(("holder=" + holder() + "\nhost=" + host() + "\npid=" + ProcessHandle.current().pid()
          + "\nstarted_at=" + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(path)) { // some filesystems report an existing file as a plain IOException
        return false;
      }
      throw e;
    }
  }

  /** True when the lock file names a process of this host that is not running. */
  static boolean deadHolderHere(String content) {
    Matcher host = Pattern.compile("(?m)^host=(.*)$").matcher(content);
    Matcher pid = Pattern.compile("(?m)^pid=(\\d+)$").matcher(content);
    if (!host.find() || !pid.find() || !host.group(1).equals(host())) {
      return false;
    }
    return ProcessHandle.of(Long.parseLong(pid.group(1))).map(p -> !p.isAlive()).orElse(true);
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
    return System.getProperty("user.name") + "@" + host() + " pid " + ProcessHandle.current().pid();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static String content(FileSystem fs, Path path) {
    try (InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "holder unreadable: " + e.getMessage();
    }
  }

  private static String oneLine(String content) {
    return content.strip().replace("\n", ", ");
  }
}
