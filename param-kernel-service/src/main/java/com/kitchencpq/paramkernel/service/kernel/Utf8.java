package com.kitchencpq.paramkernel.service.kernel;

/** Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). */
final class Utf8 {
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private Utf8() {}

  /** Returns -1 when {@code b} is valid UTF-8, else the offset of the first bad byte. */
  static int firstInvalid(byte[] b) {
    int i = 0;
    int n = b.length;
    // ASCII fast path, eight bytes at a time
    while (i + 8 <= n && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
      i += 8;
    }
    while (i < n) {
      int c = b[i];
      if (c >= 0) {
        i++;
        while (i + 8 <= n && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
          i += 8;
        }
        continue;
      }
      c &= 0xff;
      int need;
      int min;
      if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + need >= n) {
        return i;
      }
      int cp = c & (0x3f >> need);
      for (int k = 1; k <= need; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xc0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return i;
      }
      i += need + 1;
    }
    return -1;
  }
}
