package com.kitchencpq.paramkernel.service.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The contract's error body, read strictly: exactly {"error":{"code","message","path"}}. */
record ErrorBody(String code, String message, String path) {
  private static final JsonFactory JSON = new JsonFactory();

  static ErrorBody parse(String body) {
    try (JsonParser p = JSON.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, body);
      expect(p.nextToken(), JsonToken.FIELD_NAME, body);
      if (!p.currentName().equals("error")) {
        throw new AssertionError("not an error body: " + body);
      }
      expect(p.nextToken(), JsonToken.START_OBJECT, body);
      Map<String, String> fields = new HashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        expect(p.nextToken(), JsonToken.VALUE_STRING, body);
        fields.put(name, p.getText());
      }
      expect(p.nextToken(), JsonToken.END_OBJECT, body);
      if (p.nextToken() != null
          || !fields.keySet().equals(java.util.Set.of("code", "message", "path"))) {
        throw new AssertionError("not exactly the contract's error body: " + body);
      }
      return new ErrorBody(fields.get("code"), fields.get("message"), fields.get("path"));
    } catch (IOException e) {
      throw new AssertionError("error body is not JSON: " + body, e);
    }
  }

  private static void expect(JsonToken actual, JsonToken wanted, String body) {
    if (actual != wanted) {
      throw new AssertionError("expected " + wanted + " but found " + actual + " in " + body);
    }
  }
}
