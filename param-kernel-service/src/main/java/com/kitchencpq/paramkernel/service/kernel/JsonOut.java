package com.kitchencpq.paramkernel.service.kernel;

import com.kitchencpq.paramkernel.service.json.JsonWriter;
import com.kitchencpq.paramkernel.service.kernel.expr.NumberText;

/**
 * The response writer: the shared {@link JsonWriter} in its ASCII style (every character outside
 * printable ASCII is written as a {@code \\uXXXX} escape, so any Java string, even one with a lone
 * surrogate, round-trips exactly) plus the kernel's number format.
 *
 * <p>Numbers: see {@link #formatNumber}.
 */
final class JsonOut {
  private final JsonWriter w;

  JsonOut(int capacity) {
    w = new JsonWriter(JsonWriter.Style.ASCII, capacity);
  }

  byte[] toBytes() {
    return w.toBytes();
  }

  JsonOut raw(char c) {
    w.raw(c);
    return this;
  }

  /** Appends ASCII text as is (callers pass only literal JSON punctuation and keys). */
  JsonOut raw(String ascii) {
    w.raw(ascii);
    return this;
  }

  JsonOut string(String s) {
    w.string(s);
    return this;
  }

  JsonOut number(double d) {
    w.raw(formatNumber(d));
    return this;
  }

  JsonOut number(long v) {
    w.number(v);
    return this;
  }

  JsonOut bool(boolean b) {
    w.bool(b);
    return this;
  }

  /** The documented number format, see {@link NumberText#format}. */
  static String formatNumber(double d) {
    return NumberText.format(d);
  }
}
