package com.kitchencpq.paramkernel.service.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * Reads a request with Jackson's streaming parser and checks everything the contract answers with
 * BAD_REQUEST: JSON syntax, JSON types, required fields, limits, name patterns, duplicate ids and
 * the rules on min/max/step/options of input parameters. This class reads the root object and turns
 * parser failures into errors; one reader per section does the rest ({@link ModelReader}, {@link
 * ParameterReader}, {@link MaterialReader}, {@link PartReader}, {@link DeltaReader}), all over one
 * {@link JsonCursor}. JSON pointers are only built when an error is reported. Unknown fields are
 * skipped without recursion.
 */
final class RequestReader {
  static final int MAX_PARAMETERS = 10_000;
  static final int MAX_MATERIALS = 1_000;
  static final int MAX_PARTS = 10_000;
  static final int MAX_DELTAS = 1_000;
  static final int MAX_ID_CODE_POINTS = 128;

  /** Longest expression text accepted (characters). */
  static final int MAX_EXPR_LENGTH = 10_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
          .build();

  private RequestReader() {}

  static Request read(byte[] body) throws ApplyDeltaException {
    int bad = Utf8.firstInvalid(body);
    if (bad >= 0) {
      throw new ApplyDeltaException(
          ErrorKind.BAD_REQUEST,
          "malformed-json",
          "the body is not valid UTF-8 (byte offset " + bad + ")",
          "");
    }
    try (JsonParser p = FACTORY.createParser(body)) {
      Request req = new Request();
      readRoot(new JsonCursor(p), req);
      return req;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (NumberFormatException | ArithmeticException e) {
      // Safety net: Jackson reports some number limits this way instead of as a parse error.
      throw new ApplyDeltaException(
          ErrorKind.BAD_REQUEST,
          "invalid-request",
          "a number in the body cannot be read: " + e.getMessage(),
          "");
    } catch (IOException e) {
      // Reading from a byte array never does real I/O; anything here is a JSON problem.
      throw new ApplyDeltaException(
          ErrorKind.BAD_REQUEST,
          "malformed-json",
          "the body is not valid JSON: " + e.getMessage(),
          "");
    }
  }

  private static ApplyDeltaException malformed(JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    JsonLocation loc = e.getLocation();
    if (loc != null && loc.getLineNr() > 0) {
      msg = msg + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
    return new ApplyDeltaException(
        ErrorKind.BAD_REQUEST, "malformed-json", "the body is not valid JSON: " + msg, "");
  }

  private static void readRoot(JsonCursor c, Request req) throws IOException, ApplyDeltaException {
    JsonToken t = c.next();
    if (t == null) {
      throw new ApplyDeltaException(
          ErrorKind.BAD_REQUEST, "malformed-json", "the body is empty", "");
    }
    if (t != JsonToken.START_OBJECT) {
      if (t == JsonToken.START_ARRAY) {
        c.skip();
      }
      checkEnd(c);
      throw JsonCursor.invalid("", "the request must be a JSON object");
    }
    boolean sawModel = false;
    int seen = 0;
    while ((t = c.next()) == JsonToken.FIELD_NAME) {
      String f = c.name();
      int bit = RequestFields.bit(f);
      seen = c.once(seen, bit, f);
      t = c.next();
      switch (bit) {
        case RequestFields.MODEL -> {
          if (t != JsonToken.VALUE_NULL) {
            c.expectObject(t, "model");
            ModelReader.read(c, req);
            c.enter("", -1);
            sawModel = true;
          }
        }
        case RequestFields.DELTAS -> {
          if (t != JsonToken.VALUE_NULL) {
            c.expectArray(t, "deltas");
            DeltaReader.read(c, req);
            c.enter("", -1);
          }
        }
        default -> c.skip();
      }
    }
    checkEnd(c);
    if (!sawModel) {
      throw JsonCursor.invalid("/model", "the request has no \"model\"");
    }
  }

  private static void checkEnd(JsonCursor c) throws IOException, ApplyDeltaException {
    if (c.next() != null) {
      throw new ApplyDeltaException(
          ErrorKind.BAD_REQUEST, "malformed-json", "unexpected data after the JSON document", "");
    }
  }
}
