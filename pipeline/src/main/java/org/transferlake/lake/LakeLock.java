package org.transferlake.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock over one lake: a file under {@code <root>/locks/} that names who took it and when. Closing it deletes the
 * file. On a local filesystem the file appears whole in one step (written beside it, then hard-linked to its name,
 * which fails when the name exists), so a second taker never sees it half-written; elsewhere it is Hadoop's
 * {@code create(path, false)} (atomic on HDFS), and a reader waits a moment for the holder to finish writing it.
 * A holder that died leaves the file behind: when it names a process of this host that no longer runs, the next
 * taker removes it and takes the lock; a holder on another host stays until someone deletes the file after checking
 * that the process is gone.
 */
public final class LakeLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LakeLock.class);
  private static final Pattern HOST = Pattern.compile("(?m)^host=(.*)$");
  private static final Pattern PID = Pattern.compile("(?m)^pid=(\\d+)$");
  /** How long a taker waits for a just-created lock file to hold its holder's description. */
  private static final long SETTLE_MILLIS = 3000;
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
    String content = "";
    for (int attempt = 0; attempt < 3; attempt++) { // again only when the holder left meanwhile or was dead
      if (create(fs, path)) {
        return new LakeLock(fs, path);
      }
      content = settledContent(fs, path);
      if (content == null) {
        continue; // released between our create and our read
      }
      if (!deadHolderHere(content)) {
        break;
      }
      LOG.warn("lock {} was left by a process that no longer runs ({}): taking it over", path, oneLine(content));
      fs.delete(path, false);
    }
    throw new HeldException("the lake is locked by another run (" + oneLine(content) + "): " + path
        + ". If that process is gone, delete the file and start again.");
  }

  /** Creates the lock file holding this process's description; false when it exists. */
  private static boolean create(FileSystem fs, Path path) throws IOException {
    byte[] description = ("holder=" + holder() + "\nhost=" + host() + "\npid=" + ProcessHandle.current().pid()
        + "\nstarted_at=" + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
    if ("file".equals(path.toUri().getScheme())) {
      return createWhole(Paths.get(path.toUri()), description);
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(description);
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

  /**
   * Hadoop's local filesystem checks for the file and then creates it, two steps, and writes the content after:
   * two takers can both pass the check, and a reader can see an empty file. A hard link is made in one step, fails
   * when the name exists, and gives the name a file that is already whole.
   */
  private static boolean createWhole(java.nio.file.Path lock, byte[] description) throws IOException {
    java.nio.file.Path draft = Files.createTempFile(lock.getParent(), lock.getFileName() + ".", ".draft");
    try {
      Files.write(draft, description);
      try {
        Files.createLink(lock, draft);
      } catch (UnsupportedOperationException e) { // no hard links here: create-new is atomic, the content follows
        Files.write(lock, description, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(draft);
    }
  }

  /** True when the lock file names a process of this host that is not running. */
  static boolean deadHolderHere(String content) {
    Matcher host = HOST.matcher(content);
    Matcher pid = PID.matcher(content);
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

  /**
   * The lock file's content once its holder has written it (a moment after creating it, off local filesystems);
   * null when the file is gone. After {@link #SETTLE_MILLIS} it is what is there, blank or not.
   */
  private static String settledContent(FileSystem fs, Path path) {
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    while (true) {
      String content;
      try (InputStream in = fs.open(path)) {
        content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.io.FileNotFoundException e) {
        return null;
      } catch (IOException e) {
        content = "holder unreadable: " + e.getMessage();
      }
      if (content.startsWith("holder=") || System.currentTimeMillis() > deadline) {
        return content;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return content;
      }
    }
  }

  private static String oneLine(String content) {
    return content.strip().replace("\n", ", ");
  }
}
