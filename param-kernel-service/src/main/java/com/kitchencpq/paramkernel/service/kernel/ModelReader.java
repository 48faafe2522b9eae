package com.kitchencpq.paramkernel.service.kernel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;

/** The {@code /model} object: id, revision and the parameters, materials and parts arrays. */
final class ModelReader {
  private static final long MAX_REVISION_LONG = (1L << 53) - 1;
  private static final BigDecimal MAX_REVISION = BigDecimal.valueOf(MAX_REVISION_LONG);

  private ModelReader() {}

  /** Reads the object whose START_OBJECT was just read, up to its END_OBJECT. */
  static void read(JsonCursor c, Request req) throws IOException, ApplyDeltaException {
    c.enter("/model", -1);
    boolean sawId = false;
    boolean sawRevision = false;
    boolean sawParameters = false;
    JsonToken t;
    int seen = 0;
    while ((t = c.next()) == JsonToken.FIELD_NAME) {
      String f = c.name();
      int bit = RequestFields.bit(f);
      seen = c.once(seen, bit, f);
      t = c.next();
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (bit) {
        case RequestFields.ID -> {
          String id = c.string(t, "id");
          int cps = id.codePointCount(0, id.length());
          if (cps < 1 || cps > RequestReader.MAX_ID_CODE_POINTS) {
            throw JsonCursor.invalid(
                "/model/id", "/model/id must have 1 to 128 characters, has " + cps);
          }
          req.modelId = id;
          sawId = true;
        }
        case RequestFields.REVISION -> {
          req.revision = revision(c, t);
          sawRevision = true;
        }
        case RequestFields.PARAMETERS -> {
          c.expectArray(t, "parameters");
          ParameterReader.read(c, req);
          c.enter("/model", -1);
          sawParameters = true;
        }
        case RequestFields.MATERIALS -> {
          c.expectArray(t, "materials");
          MaterialReader.read(c, req);
          c.enter("/model", -1);
        }
        case RequestFields.PARTS -> {
          c.expectArray(t, "parts");
          PartReader.read(c, req);
          c.enter("/model", -1);
        }
        default -> c.skip();
      }
    }
    if (!sawId) {
      throw JsonCursor.invalid("/model/id", "/model/id is required");
    }
    if (!sawRevision) {
      throw JsonCursor.invalid("/model/revision", "/model/revision is required");
    }
    if (!sawParameters) {
      throw JsonCursor.invalid("/model/parameters", "/model/parameters is required");
    }
    if (req.params.isEmpty()) {
      throw JsonCursor.invalid(
          "/model/parameters", "/model/parameters must have at least one parameter");
    }
  }

  /** An integer from 0 to 2^53-1, also when written as a float ({@code 3.0}, {@code 1e2}). */
  private static long revision(JsonCursor c, JsonToken t) throws IOException, ApplyDeltaException {
    String ptr = "/model/revision";
    JsonParser p = c.parser();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType nt = p.getNumberType();
      if (nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG) {
        long v = p.getLongValue();
        if (v >= 0 && v <= MAX_REVISION_LONG) {
          return v;
        }
      }
      throw JsonCursor.invalid(
          ptr, ptr + " must be an integer from 0 to 2^53-1, got " + p.getText());
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal d;
      try {
        d = p.getDecimalValue();
      } catch (NumberFormatException | ArithmeticException e) {
        // an exponent beyond BigDecimal's range: only a zero mantissa gives a valid revision
        d = zeroMantissa(p.getText()) ? BigDecimal.ZERO : null;
      }
      if (d != null && d.signum() == 0) {
        return 0;
      }
      if (d != null
          && d.signum() > 0
          && d.compareTo(MAX_REVISION) <= 0
          && d.stripTrailingZeros().scale() <= 0) {
        return d.longValueExact();
      }
      throw JsonCursor.invalid(
          ptr, ptr + " must be an integer from 0 to 2^53-1, got " + p.getText());
    }
    throw c.typeError(t, "revision", "an integer");
  }

  private static boolean zeroMantissa(String number) {
    for (int i = 0; i < number.length(); i++) {
      char ch = number.charAt(i);
      if (ch == 'e' || ch == 'E') {
        return true;
      }
      if (ch >= '1' && ch <= '9') {
        return false;
      }
    }
    return true;
  }
}
