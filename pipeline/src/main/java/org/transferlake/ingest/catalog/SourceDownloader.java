package org.transferlake.ingest.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.transferlake.lake.Checksums;
import org.transferlake.lake.LakeLocation;

/**
 * Fetches the files of a source that are missing from the mirror from their catalog origin URLs
 * ({@code ingest --download}). Each download lands beside its place under a temporary name and takes its place
 * only when the source's pinned checksum (if any) matches, so a bad download never sits in the mirror.
 *
 * @param timeout the longest wait for a connection or for the next bytes
 * @param maxBytes the largest file fetched
 */
public record SourceDownloader(Duration timeout, long maxBytes) {

  /** Fetches what is missing; null when all went well (or nothing was missing), else why not. */
  public String fetchMissing(SourceDefinition source, String mirrorDir, Configuration hadoop) {
    String mirror = LakeLocation.of(mirrorDir).root();
    Map<String, Path> fetched = new LinkedHashMap<>(); // relative path → temporary file
    try {
      List<String> lines = new ArrayList<>();
      List<String> shas = new ArrayList<>();
      for (int i = 0; i < source.files().size(); i++) {
        String relative = source.files().get(i);
        if (!SourceFiles.insideMirror(relative)) {
          return null; // only the mirror is written: resolving the files reads or refuses a path outside it
        }
        Path target = new Path(URI.create((mirror + "/" + relative).replace(" ", "%20")));
        FileSystem fs = target.getFileSystem(hadoop);
        String sha;
        if (fs.exists(target)) {
          try (InputStream in = fs.open(target)) {
            sha = Checksums.sha256(in);
          }
        } else if (source.origin().urls().isEmpty()) {
          return null; // nothing to fetch it from: resolving the files reports it missing
        } else {
          Path part = new Path(target.getParent(), "." + target.getName() + ".part-" + UUID.randomUUID());
          fetched.put(relative, part);
          sha = download(source.origin().urls().get(i), fs, part);
        }
        lines.add(relative + " " + sha + "\n");
        shas.add(sha);
      }
      if (fetched.isEmpty()) {
        return null;
      }
      String sha256 = shas.size() == 1 ? shas.get(0) : Checksums.sha256(String.join("", lines)); // as SourceFiles
      if (source.sha256() != null && !source.sha256().equals(sha256)) {
        return "downloaded " + fetched.keySet() + " but the checksum does not match: the catalog pins sha256 "
            + source.sha256() + ", the files have " + sha256 + " (nothing was kept in the mirror)";
      }
      for (Map.Entry<String, Path> e : fetched.entrySet()) {
        Path target = new Path(URI.create((mirror + "/" + e.getKey()).replace(" ", "%20")));
        if (!target.getFileSystem(hadoop).rename(e.getValue(), target)) {
          return "cannot move the download into place: " + target;
        }
      }
      fetched.clear();
      return null;
    } catch (IOException | IllegalArgumentException e) {
      return "download failed: " + e.getMessage();
    } finally {
      for (Path part : fetched.values()) {
        try {
          part.getFileSystem(hadoop).delete(part, false);
        } catch (IOException e) {
          // the temporary file's name marks it as one; a later download does not reuse it
        }
      }
    }
  }

  /** Copies the URL's body to {@code part}, returning its SHA-256. */
  private String download(String url, FileSystem fs, Path part) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setConnectTimeout((int) timeout.toMillis());
    connection.setReadTimeout((int) timeout.toMillis());
    connection.setInstanceFollowRedirects(true);
    try {
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new Refused("HTTP " + status + " from " + url);
      }
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long total = 0;
      // an instance of its own, so that turning off the local file system's .crc side files changes no other writer
      try (FileSystem writer = FileSystem.newInstance(part.toUri(), fs.getConf())) {
        writer.setWriteChecksum(false);
        writer.mkdirs(part.getParent());
        try (InputStream in = connection.getInputStream(); OutputStream out = writer.create(part, false)) {
          byte[] buffer = new byte[1 << 16];
          for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
              throw new Refused(url + " is larger than transferlake.ingest.download.max-bytes = " + maxBytes);
            }
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    } catch (java.net.SocketTimeoutException e) {
      throw new Refused("no answer from " + url + " within transferlake.ingest.download.timeout = "
          + timeout.toMillis() + " ms");
    } catch (Refused e) {
      throw e;
    } catch (IOException e) {
      throw new Refused("cannot fetch " + url + ": " + e); // the class says what went wrong: UnknownHostException
    } finally {
      connection.disconnect();
    }
  }

  /** Why a download was given up, in words that name the URL. */
  private static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }
}
