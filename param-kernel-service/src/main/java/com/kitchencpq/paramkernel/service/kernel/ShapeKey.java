package com.kitchencpq.paramkernel.service.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The cache key of a model shape: an unambiguous byte encoding of everything the compiled shape
 * depends on, built while the request is read. Every string is written with its length in front,
 * characters below 0x80 as one byte and every other character as a marker byte 0xFF plus its two
 * UTF-16 bytes, so different shapes always give different bytes (also for lone surrogates).
 * Equality compares all bytes; the hash reads eight bytes at a time, which is much cheaper than
 * {@code String.hashCode} on a key of several kilobytes.
 */
final class ShapeKey {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes;
  private int len;
  private int hash;
  private boolean hashed;

  ShapeKey(int capacity) {
    bytes = new byte[capacity];
  }

  private void ensure(int extra) {
    if (len + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, len + extra));
    }
  }

  void tag(char c) {
    ensure(1);
    bytes[len++] = (byte) c;
  }

  /** Appends the length of {@code s} (four bytes) and its characters. */
  void string(String s) {
    int n = s.length();
    ensure(4 + 3 * n);
    byte[] b = bytes;
    int l = len;
    b[l++] = (byte) (n >>> 24);
    b[l++] = (byte) (n >>> 16);
    b[l++] = (byte) (n >>> 8);
    b[l++] = (byte) n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[l++] = (byte) c;
      } else {
        b[l++] = (byte) 0xFF;
        b[l++] = (byte) (c >>> 8);
        b[l++] = (byte) c;
      }
    }
    len = l;
  }

  /** A copy trimmed to size, for storing in the cache (the builder's array is oversized). */
  ShapeKey compact() {
    ShapeKey k = new ShapeKey(0);
    k.bytes = Arrays.copyOf(bytes, len);
    k.len = len;
    k.hash = hashCode();
    k.hashed = true;
    return k;
  }

  int length() {
    return len;
  }

  @Override
  public int hashCode() {
    if (!hashed) {
      long h = 0x9E3779B97F4A7C15L ^ len;
      int i = 0;
      byte[] b = bytes;
      for (; i + 8 <= len; i += 8) {
        h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL, 29);
      }
      for (; i < len; i++) {
        h = (h ^ b[i]) * 0x100000001B3L;
      }
      h ^= h >>> 32;
      hash = (int) h;
      hashed = true;
    }
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ShapeKey)) {
      return false;
    }
    ShapeKey k = (ShapeKey) o;
    return len == k.len
        && hashCode() == k.hashCode()
        && Arrays.equals(bytes, 0, len, k.bytes, 0, k.len);
  }
}
