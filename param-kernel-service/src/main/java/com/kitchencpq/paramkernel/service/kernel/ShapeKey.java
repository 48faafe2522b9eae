package com.kitchencpq.paramkernel.service.kernel;

import java.util.Arrays;

/**
 * The cache key of a model shape: the sequence of tags and strings (names, expression texts,
 * materialParam names) that a compiled shape depends on, collected while the request is read.
 *
 * <p>Equality compares every tag and every string in full, so a cache hit is never a collision. The
 * hash only samples each string (its length and last character), which keeps hashing cheap; the
 * full comparison after a hash match uses {@code String.equals}, which the JVM runs as a vectorized
 * intrinsic. Strings are kept as separate elements (not concatenated), so the boundaries between
 * them are part of the key.
 */
final class ShapeKey {
  private char[] tags;
  private String[] strings;
  private int size;
  private int hash = 1;

  ShapeKey(int capacity) {
    tags = new char[capacity];
    strings = new String[capacity];
  }

  private void add(char tag, String s) {
    if (size == tags.length) {
      int n = Math.max(16, size * 2);
      tags = Arrays.copyOf(tags, n);
      strings = Arrays.copyOf(strings, n);
    }
    tags[size] = tag;
    strings[size] = s;
    size++;
    int h = hash * 31 + tag;
    if (s != null) {
      int n = s.length();
      h = h * 31 + n;
      if (n > 0) {
        h = h * 31 + s.charAt(n - 1);
      }
    }
    hash = h;
  }

  /** Appends a tag that stands for a kind of element (input type, literal, ...). */
  void tag(char c) {
    add(c, null);
  }

  /** Appends a string element. */
  void string(String s) {
    add('s', s);
  }

  /** A copy trimmed to size, for storing in the cache. */
  ShapeKey compact() {
    ShapeKey k = new ShapeKey(0);
    k.tags = Arrays.copyOf(tags, size);
    k.strings = Arrays.copyOf(strings, size);
    k.size = size;
    k.hash = hash;
    return k;
  }

  int size() {
    return size;
  }

  @Override
  public int hashCode() {
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
    if (size != k.size || hash != k.hash || !Arrays.equals(tags, 0, size, k.tags, 0, size)) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      String a = strings[i];
      String b = k.strings[i];
      if (a != b && (a == null || !a.equals(b))) {
        return false;
      }
    }
    return true;
  }
}
