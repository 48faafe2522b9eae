package com.kitchencpq.paramkernel.service.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

/**
 * Helpers to write requests compactly in tests: single quotes stand for double quotes and a
 * backtick for an escaped double quote inside a JSON string ({@code \"}), so expressions with
 * string literals stay readable.
 */
final class Requests {
  private Requests() {}

  static String q(String relaxed) {
    return relaxed.replace("`", "\\\"").replace('\'', '"');
  }

  /** A request with the given parameter objects (relaxed JSON, comma separated) and no deltas. */
  static String params(String params) {
    return q("{'model':{'id':'m','revision':1,'parameters':[" + params + "]}}");
  }

  static String model(String params, String materials, String parts, String deltas) {
    return q(
        "{'model':{'id':'m','revision':1,'parameters':["
            + params
            + "],'materials':["
            + materials
            + "],'parts':["
            + parts
            + "]},'deltas':["
            + deltas
            + "]}");
  }

  static String withDeltas(String params, String deltas) {
    return model(params, "", "", deltas);
  }

  static String ok(String json) {
    try {
      return new String(
          new ApplyDeltaKernel(4).apply(json.getBytes(StandardCharsets.UTF_8)),
          StandardCharsets.UTF_8);
    } catch (ApplyDeltaException e) {
      throw new AssertionError(
          "expected 200, got "
              + e.kind()
              + " "
              + e.code()
              + " at "
              + e.pointer()
              + ": "
              + e.getMessage());
    }
  }

  static ApplyDeltaException err(String json) {
    return err(json.getBytes(StandardCharsets.UTF_8));
  }

  static ApplyDeltaException err(byte[] body) {
    ApplyDeltaException e =
        catchThrowableOfType(ApplyDeltaException.class, () -> new ApplyDeltaKernel(4).apply(body));
    assertThat(e).as("expected an ApplyDeltaException").isNotNull();
    return e;
  }

  /** The "changed" object of a response, as its JSON text. */
  static String changed(String response) {
    int start = response.indexOf("\"changed\":") + "\"changed\":".length();
    int end = response.indexOf(",\"materials\":");
    return response.substring(start, end);
  }

  static String violations(String response) {
    int start = response.indexOf("\"violations\":") + "\"violations\":".length();
    return response.substring(start, response.length() - 1);
  }

  static String bill(String response) {
    int start = response.indexOf("\"materials\":");
    int end = response.indexOf(",\"violations\":");
    return response.substring(start, end);
  }
}
