package com.kitchencpq.paramkernel.service.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one JSON writer of both modules, for the small documents they emit (ApplyDelta responses and
 * error bodies, log lines, warm-up evidence, digest.json): UTF-8 bytes in a growing array. The
 * caller writes the punctuation ({@link #raw}); this class escapes strings, which is where
 * hand-written writers go wrong. Every style escapes {@code "} and {@code \}, the control
 * characters, DEL, U+2028/U+2029 (line breaks to JavaScript) and unpaired surrogates (which have no
 * UTF-8 form), so the output always parses back to the exact string. Plain JDK code: it lives in
 * the warm-up client's source root, which the plugin compiles too.
 */
public final class JsonWriter {
  /** How string contents are escaped. Escapes use lowercase hex ({@code \u00e9}). */
  public enum Style {
    /** Pure ASCII output: \" \\ \n \r \t, every other character outside ' '..'~' as \\uXXXX. */
    ASCII,
    /** \" \\ \n \r \t; the other characters listed in the class comment as \\uXXXX. */
    UTF8,
    /** As {@link #UTF8} but without short forms: a newline is \\u000a (log lines, evidence). */
    UTF8_UNICODE_ESCAPES
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final Style style;
  private byte[] buf;
  private int len;

  public JsonWriter(Style style, int capacity) {
    this.style = style;
    this.buf = new byte[Math.max(capacity, 16)];
  }

  /** A JSON string literal of {@code s} in {@code style}, or {@code null} for null. */
  public static String quote(String s, Style style) {
    return new JsonWriter(style, s == null ? 4 : s.length() + 8).string(s).toString();
  }

  public byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  /** The text written so far. */
  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  /** Appends one ASCII character as is (punctuation). */
  public JsonWriter raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /**
   * Appends text as is, UTF-8 encoded: punctuation, keys known to need no escaping, numbers
   * formatted by the caller, or JSON produced by another writer.
   */
  public JsonWriter raw(String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
        ensure(rest.length);
        System.arraycopy(rest, 0, buf, len, rest.length);
        len += rest.length;
        return this;
      }
      buf[len++] = (byte) c;
    }
    return this;
  }

  /** A string literal, or {@code null} for a null reference. */
  public JsonWriter string(String s) {
    if (s == null) {
      return raw("null");
    }
    int n = s.length();
    ensure(6 * n + 2);
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        if (c == '"' || c == '\\') {
          buf[len++] = '\\';
        }
        buf[len++] = (byte) c;
      } else if (c < 0x20 || c == 0x7f || style == Style.ASCII) {
        control(c);
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          buf[len++] = (byte) (0xf0 | (cp >> 18));
          buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          buf[len++] = (byte) (0x80 | (cp & 0x3f));
        } else {
          unicode(c);
        }
      } else if (c == 0x2028 || c == 0x2029) {
        unicode(c);
      } else {
        buf[len++] = (byte) (0xe0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    buf[len++] = '"';
    return this;
  }

  private void control(char c) {
    if (style != Style.UTF8_UNICODE_ESCAPES) {
      char shortForm =
          switch (c) {
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            default -> 0;
          };
      if (shortForm != 0) {
        buf[len++] = '\\';
        buf[len++] = (byte) shortForm;
        return;
      }
    }
    unicode(c);
  }

  private void unicode(char c) {
    buf[len++] = '\\';
    buf[len++] = 'u';
    buf[len++] = HEX[(c >> 12) & 0xf];
    buf[len++] = HEX[(c >> 8) & 0xf];
    buf[len++] = HEX[(c >> 4) & 0xf];
    buf[len++] = HEX[c & 0xf];
  }

  public JsonWriter number(long v) {
    return raw(Long.toString(v));
  }

  public JsonWriter bool(boolean b) {
    return raw(b ? "true" : "false");
  }
}
