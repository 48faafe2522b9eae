package com.kitchencpq.paramkernel.plugin.image;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unpacks an uncompressed tar (what Jib writes for a tar image) into a directory. Regular files and
 * directories only, GNU long names supported, and no entry may land outside the target.
 */
final class TarExtractor {
  private TarExtractor() {}

  static void extract(Path tar, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
      byte[] header = new byte[512];
      String longName = null;
      while (readFully(in, header)) {
        if (isZero(header)) {
          break;
        }
        String name = longName != null ? longName : field(header, 0, 100);
        String prefix = field(header, 345, 155);
        if (longName == null && !prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        longName = null;
        long size =
            Long.parseLong(
                field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        if (type == 'L') {
          byte[] data = readData(in, size);
          longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
          continue;
        }
        Path out = root.resolve(name).normalize();
        if (!out.startsWith(root)) {
          throw new IOException("tar entry " + name + " points outside " + root);
        }
        if (type == '5') {
          Files.createDirectories(out);
        } else if (type == '0' || type == 0) {
          Files.createDirectories(out.getParent());
          try (OutputStream os = Files.newOutputStream(out)) {
            copy(in, os, size);
          }
          skip(in, pad(size));
          continue;
        }
        skip(in, size + pad(size));
      }
    }
  }

  private static long pad(long size) {
    return (512 - size % 512) % 512;
  }

  private static byte[] readData(InputStream in, long size) throws IOException {
    byte[] data = in.readNBytes((int) size);
    if (data.length != size) {
      throw new EOFException("truncated tar");
    }
    skip(in, pad(size));
    return data;
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new EOFException("truncated tar");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new EOFException("truncated tar");
        }
        s = 1;
      }
      left -= s;
    }
  }

  private static boolean readFully(InputStream in, byte[] buf) throws IOException {
    int n = in.readNBytes(buf, 0, buf.length);
    if (n == 0) {
      return false;
    }
    if (n != buf.length) {
      throw new EOFException("truncated tar header");
    }
    return true;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static String field(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.UTF_8);
  }
}
