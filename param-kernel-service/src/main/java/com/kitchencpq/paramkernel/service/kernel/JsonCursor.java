package com.kitchencpq.paramkernel.service.kernel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The position of the section readers in a request: Jackson's streaming parser plus the JSON
 * pointer context (a section such as {@code /model/parts} and an element index, or -1), and the
 * typed reads every section shares. Pointers are built only when an error is reported, so the
 * context is two plain fields that a reader sets as it enters an element.
 *
 * <p>Every check reports BAD_REQUEST ({@code invalid-request}) with the pointer of the field.
 */
final class JsonCursor {
  private final JsonParser p;
  private String section = "";
  private int index = -1;

  JsonCursor(JsonParser p) {
    this.p = p;
  }

  // ---------------------------------------------------------------- tokens

  JsonToken next() throws IOException {
    return p.nextToken();
  }

  /** The current field name (after {@link #next} returned FIELD_NAME). */
  String name() throws IOException {
    return p.currentName();
  }

  /** The text of the current token (string value, or a number as written). */
  String text() throws IOException {
    return p.getText();
  }

  /** Skips the value just read if it is an object or array (no recursion, no decoding). */
  void skip() throws IOException {
    p.skipChildren();
  }

  /** The raw parser, for the few reads a section does itself (the revision's number type). */
  JsonParser parser() {
    return p;
  }

  // ---------------------------------------------------------------- pointer context

  /** Sets the context: {@code section} (e.g. {@code /model/parts}) and element index or -1. */
  void enter(String section, int index) {
    this.section = section;
    this.index = index;
  }

  /** The JSON pointer of {@code field} in the current context ("" for the context itself). */
  String at(String field) {
    StringBuilder sb = new StringBuilder(section);
    if (index >= 0) {
      sb.append('/').append(index);
    }
    if (!field.isEmpty()) {
      sb.append('/').append(field);
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- checks

  /**
   * Records that the field with {@code bit} was seen in the current object; a second one is
   * BAD_REQUEST. Fields without a bit (0) are never duplicates.
   */
  int once(int seen, int bit, String field) throws ApplyDeltaException {
    if ((seen & bit) != 0) {
      String ptr = at(field);
      throw invalid(ptr, ptr + " is given twice");
    }
    return seen | bit;
  }

  /** A string field whose value the kernel does not use: checked, never decoded. */
  void checkString(JsonToken t, String field) throws ApplyDeltaException {
    if (t != JsonToken.VALUE_STRING) {
      throw typeError(t, field, "a string");
    }
  }

  String string(JsonToken t, String field) throws IOException, ApplyDeltaException {
    if (t != JsonToken.VALUE_STRING) {
      throw typeError(t, field, "a string");
    }
    return p.getText();
  }

  /** A number that fits a finite double. */
  double number(JsonToken t, String field) throws IOException, ApplyDeltaException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw typeError(t, field, "a number");
    }
    double v = p.getDoubleValue();
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      throw invalid(at(field), at(field) + " is out of the range of a double: " + p.getText());
    }
    return v;
  }

  /** {@code text} has at most {@code max} characters (UTF-16 units). */
  void checkLength(String text, String field, int max) throws ApplyDeltaException {
    if (text.length() > max) {
      String ptr = at(field);
      throw invalid(ptr, ptr + " is longer than " + max + " characters");
    }
  }

  void expectObject(JsonToken t, String field) throws ApplyDeltaException {
    if (t != JsonToken.START_OBJECT) {
      throw typeError(t, field, "an object");
    }
  }

  void expectArray(JsonToken t, String field) throws ApplyDeltaException {
    if (t != JsonToken.START_ARRAY) {
      throw typeError(t, field, "an array");
    }
  }

  /** "{pointer} must be {expected}, got {what t is}". */
  ApplyDeltaException typeError(JsonToken t, String field, String expected) {
    // Reported at once: a syntax error further on would also be BAD_REQUEST, so no need to read on.
    String ptr = at(field);
    return invalid(ptr, ptr + " must be " + expected + ", got " + describe(t));
  }

  static ApplyDeltaException invalid(String pointer, String message) {
    return new ApplyDeltaException(ErrorKind.BAD_REQUEST, "invalid-request", message, pointer);
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString();
    };
  }
}
