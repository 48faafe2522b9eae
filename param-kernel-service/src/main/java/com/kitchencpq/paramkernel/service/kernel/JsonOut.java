package com.kitchencpq.paramkernel.service.kernel;

import com.kitchencpq.paramkernel.service.kernel.expr.NumberText;
import java.util.Arrays;

/**
 * A small JSON writer into a growing byte array. Output is pure ASCII: every character outside
 * printable ASCII is written as a {@code \\uXXXX} escape, so any Java string (even one with a lone
 * surrogate) round-trips exactly.
 *
 * <p>Numbers: see {@link #formatNumber}.
 */
final class JsonOut {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  JsonOut(int capacity) {
    buf = new byte[capacity];
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  JsonOut raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** Appends ASCII text as is (callers pass only literal JSON punctuation and keys). */
  JsonOut raw(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  JsonOut string(String s) {
    int n = s.length();
    ensure(6 * n + 2);
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        buf[len++] = (byte) c;
      } else {
        buf[len++] = '\\';
        switch (c) {
          case '"' -> buf[len++] = '"';
          case '\\' -> buf[len++] = '\\';
          case '\n' -> buf[len++] = 'n';
          case '\r' -> buf[len++] = 'r';
          case '\t' -> buf[len++] = 't';
          default -> {
            buf[len++] = 'u';
            buf[len++] = HEX[(c >> 12) & 0xf];
            buf[len++] = HEX[(c >> 8) & 0xf];
            buf[len++] = HEX[(c >> 4) & 0xf];
            buf[len++] = HEX[c & 0xf];
          }
        }
      }
    }
    buf[len++] = '"';
    return this;
  }

  JsonOut number(double d) {
    return raw(formatNumber(d));
  }

  JsonOut number(long v) {
    return raw(Long.toString(v));
  }

  JsonOut bool(boolean b) {
    return raw(b ? "true" : "false");
  }

  /** The documented number format, see {@link NumberText#format}. */
  static String formatNumber(double d) {
    return NumberText.format(d);
  }
}
