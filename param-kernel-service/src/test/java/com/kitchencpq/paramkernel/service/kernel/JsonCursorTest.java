package com.kitchencpq.paramkernel.service.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The shared cursor of the section readers: pointers, typed reads and their errors. */
class JsonCursorTest {
  private static final JsonFactory FACTORY = new JsonFactory();

  private static JsonCursor cursor(String json) throws IOException {
    JsonParser p = FACTORY.createParser(json);
    return new JsonCursor(p);
  }

  private static void assertInvalid(ThrowingCall call, String pointer, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApplyDeltaException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
              assertThat(e.code()).isEqualTo("invalid-request");
              assertThat(e.pointer()).isEqualTo(pointer);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void pointersFollowTheEnteredSectionAndIndex() throws IOException {
    JsonCursor c = cursor("{}");
    assertThat(c.at("")).isEmpty();
    assertThat(c.at("model")).isEqualTo("/model");
    c.enter("/model", -1);
    assertThat(c.at("")).isEqualTo("/model");
    assertThat(c.at("id")).isEqualTo("/model/id");
    c.enter("/model/parts", 3);
    assertThat(c.at("")).isEqualTo("/model/parts/3");
    assertThat(c.at("area")).isEqualTo("/model/parts/3/area");
    assertThat(c.at("options/0")).isEqualTo("/model/parts/3/options/0");
    c.enter("", -1);
    assertThat(c.at("deltas")).isEqualTo("/deltas");
  }

  @Test
  void onceAcceptsEachBitOnceAndIgnoresUnknownFields() throws Exception {
    JsonCursor c = cursor("{}");
    c.enter("/deltas", 2);
    int seen = c.once(0, RequestFields.OP, "op");
    seen = c.once(seen, RequestFields.PARAM, "param");
    seen = c.once(seen, 0, "comment");
    seen = c.once(seen, 0, "comment");
    assertThat(seen).isEqualTo(RequestFields.OP | RequestFields.PARAM);
    int finalSeen = seen;
    assertInvalid(
        () -> c.once(finalSeen, RequestFields.OP, "op"),
        "/deltas/2/op",
        "/deltas/2/op is given twice");
  }

  @Test
  void fieldBitsAreDistinctAndUnknownNamesHaveNone() {
    String[] names = {
      "model",
      "deltas",
      "id",
      "revision",
      "parameters",
      "materials",
      "parts",
      "name",
      "value",
      "expr",
      "unit",
      "min",
      "max",
      "step",
      "options",
      "pricePerM2",
      "material",
      "materialParam",
      "quantity",
      "area",
      "op",
      "param"
    };
    int all = 0;
    for (String n : names) {
      int bit = RequestFields.bit(n);
      assertThat(Integer.bitCount(bit)).as(n).isEqualTo(1);
      assertThat(all & bit).as(n).isZero();
      all |= bit;
    }
    assertThat(all).isEqualTo((1 << 22) - 1);
    assertThat(RequestFields.bit("Model")).isZero();
    assertThat(RequestFields.bit("")).isZero();
  }

  @Test
  void readsStringsAndNumbers() throws Exception {
    JsonCursor c = cursor("{\"a\":\"x\\u00e9\",\"b\":-1.5e2,\"c\":7}");
    assertThat(c.next()).isEqualTo(JsonToken.START_OBJECT);
    assertThat(c.next()).isEqualTo(JsonToken.FIELD_NAME);
    assertThat(c.name()).isEqualTo("a");
    assertThat(c.string(c.next(), "a")).isEqualTo("x\u00e9");
    c.next();
    assertThat(c.number(c.next(), "b")).isEqualTo(-150.0);
    c.next();
    JsonToken t = c.next();
    assertThat(c.number(t, "c")).isEqualTo(7.0);
    assertThat(c.text()).isEqualTo("7");
    assertThat(c.next()).isEqualTo(JsonToken.END_OBJECT);
  }

  @Test
  void typeErrorsNameThePointerAndWhatWasFound() throws Exception {
    JsonCursor c = cursor("[1,\"s\",true,null,{},[]]");
    c.next();
    c.enter("/model/parameters", 0);
    JsonToken num = c.next();
    assertInvalid(
        () -> c.string(num, "name"),
        "/model/parameters/0/name",
        "/model/parameters/0/name must be a string, got a number");
    JsonToken str = c.next();
    assertInvalid(
        () -> c.number(str, "min"),
        "/model/parameters/0/min",
        "/model/parameters/0/min must be a number, got a string");
    JsonToken bool = c.next();
    assertInvalid(
        () -> c.checkString(bool, "unit"),
        "/model/parameters/0/unit",
        "/model/parameters/0/unit must be a string, got a boolean");
    JsonToken nul = c.next();
    assertInvalid(
        () -> c.expectObject(nul, ""),
        "/model/parameters/0",
        "/model/parameters/0 must be an object, got null");
    JsonToken obj = c.next();
    assertInvalid(
        () -> c.expectArray(obj, "options"),
        "/model/parameters/0/options",
        "/model/parameters/0/options must be an array, got an object");
    c.skip();
    JsonToken arr = c.next();
    assertInvalid(
        () -> c.expectObject(arr, "x"),
        "/model/parameters/0/x",
        "/model/parameters/0/x must be an object, got an array");
    assertThat(JsonCursor.describe(null)).isEqualTo("nothing");
  }

  @Test
  void numbersBeyondDoubleAreRefused() throws Exception {
    JsonCursor c = cursor("[1e400]");
    c.next();
    c.enter("/deltas", 1);
    JsonToken t = c.next();
    assertInvalid(
        () -> c.number(t, "value"),
        "/deltas/1/value",
        "/deltas/1/value is out of the range of a double: 1e400");
  }

  @Test
  void skipJumpsOverNestedValuesWithoutDecodingThem() throws Exception {
    JsonCursor c = cursor("{\"x\":{\"y\":[1,{\"z\":\"\\ud800\"}]},\"k\":2}");
    c.next();
    c.next();
    c.next();
    c.skip();
    assertThat(c.next()).isEqualTo(JsonToken.FIELD_NAME);
    assertThat(c.name()).isEqualTo("k");
  }

  @Test
  void lengthLimitCountsCharacters() throws Exception {
    JsonCursor c = cursor("{}");
    c.enter("/model/parts", 0);
    c.checkLength("abc", "area", 3);
    assertInvalid(
        () -> c.checkLength("abcd", "area", 3),
        "/model/parts/0/area",
        "/model/parts/0/area is longer than 3 characters");
  }
}
