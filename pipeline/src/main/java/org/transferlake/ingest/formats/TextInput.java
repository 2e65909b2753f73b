package org.transferlake.ingest.formats;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens a file's bytes as text. A byte-order mark says the encoding and is not data; without one the
 * catalog's encoding holds. Bytes that are not valid in it become U+FFFD, so that the record holding them
 * is refused with its reason ({@link RecordMapper}) instead of the whole file.
 */
final class TextInput {
  private static final int BUFFER = 1 << 16;

  private TextInput() {}

  static Reader open(InputStream raw, Charset declared, String sourceFile) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    Charset charset = declared;
    int bom = 0;
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (startsWith(head, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (startsWith(head, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (looksLikeUtf16(head) && !declared.name().startsWith("UTF-16")) {
      throw new IOException(sourceFile + " starts with NUL bytes between characters: it looks like UTF-16 without"
          + " a byte-order mark, but the catalog declares encoding = " + declared.name()
          + " (set encoding = \"UTF-16LE\" or \"UTF-16BE\" in the source's definition)");
    }
    in.skipNBytes(bom);
    return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), BUFFER);
  }

  private static boolean startsWith(byte[] head, int... bytes) {
    if (head.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((head[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  /** ASCII text in UTF-16 has a zero in every other byte; no text in a single-byte encoding has NULs. */
  private static boolean looksLikeUtf16(byte[] head) {
    return head.length == 4 && ((head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0)
        || (head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0));
  }
}
