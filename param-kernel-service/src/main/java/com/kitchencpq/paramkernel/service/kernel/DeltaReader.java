package com.kitchencpq.paramkernel.service.kernel;

import com.fasterxml.jackson.core.JsonToken;
import com.kitchencpq.paramkernel.service.kernel.expr.Type;
import java.io.IOException;

/** The {@code /deltas} array: each delta's op (set, add or scale), param and value. */
final class DeltaReader {
  private static final String SECTION = "/deltas";

  private DeltaReader() {}

  /** Reads the array whose START_ARRAY was just read, up to its END_ARRAY. */
  static void read(JsonCursor c, Request req) throws IOException, ApplyDeltaException {
    JsonToken t;
    int i = 0;
    while ((t = c.next()) != JsonToken.END_ARRAY) {
      c.enter(SECTION, i);
      if (i >= RequestReader.MAX_DELTAS) {
        throw JsonCursor.invalid(
            c.at(""), "/deltas has more than " + RequestReader.MAX_DELTAS + " deltas");
      }
      c.expectObject(t, "");
      req.deltas.add(readDelta(c));
      i++;
    }
  }

  private static Request.Delta readDelta(JsonCursor c) throws IOException, ApplyDeltaException {
    Request.Delta d = new Request.Delta();
    String op = null;
    boolean hasValue = false;
    JsonToken t;
    int seen = 0;
    while ((t = c.next()) == JsonToken.FIELD_NAME) {
      String f = c.name();
      int bit = RequestFields.bit(f);
      seen = c.once(seen, bit, f);
      t = c.next();
      if (t == JsonToken.VALUE_NULL) {
        if (bit == RequestFields.VALUE) {
          throw JsonCursor.invalid(c.at("value"), c.at("value") + " must not be null");
        }
        continue;
      }
      switch (bit) {
        case RequestFields.OP -> op = c.string(t, "op");
        case RequestFields.PARAM -> d.param = c.string(t, "param");
        case RequestFields.VALUE -> {
          hasValue = true;
          switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
              d.valueType = Type.NUMBER;
              d.num = c.number(t, "value");
            }
            case VALUE_STRING -> {
              d.valueType = Type.STRING;
              d.str = c.text();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
              d.valueType = Type.BOOLEAN;
              d.bool = t == JsonToken.VALUE_TRUE;
            }
            default -> throw c.typeError(t, "value", "a number, string or boolean");
          }
        }
        default -> c.skip();
      }
    }
    if (op == null) {
      throw JsonCursor.invalid(c.at("op"), c.at("op") + " is required");
    }
    switch (op) {
      case "set" -> d.op = Request.OP_SET;
      case "add" -> d.op = Request.OP_ADD;
      case "scale" -> d.op = Request.OP_SCALE;
      default ->
          throw JsonCursor.invalid(c.at("op"), "unknown op \"" + op + "\"; use set, add or scale");
    }
    if (d.param == null) {
      throw JsonCursor.invalid(c.at("param"), c.at("param") + " is required");
    }
    if (!hasValue) {
      throw JsonCursor.invalid(c.at("value"), c.at("value") + " is required");
    }
    return d;
  }
}
