package com.kitchencpq.paramkernel.service.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shared JSON writer, checked against Jackson's parser and pinned byte for byte. */
class JsonWriterTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  /** Strings that trip hand-written escapers. */
  static List<String> tricky() {
    List<String> out = new ArrayList<>();
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    out.add(controls.toString());
    out.add("");
    out.add("plain ascii ~!@#$%^&*()_+{}[]|:;'<>,.?/`");
    out.add("quote \" backslash \\ both \\\" slash /");
    out.add("del \u007f nbsp \u00a0 e-acute \u00e9 euro \u20ac cjk \u4e2d");
    out.add("line sep \u2028 para sep \u2029");
    out.add("pair \uD83D\uDE00 and \uD834\uDD1E");
    out.add("lone high \uD800 end");
    out.add("lone low \uDC00 end");
    out.add("reversed \uDE00\uD83D");
    out.add("trailing high \uDBFF");
    out.add("\uFFFF\uFFFE\uFEFF bom and non-characters");
    out.add("\\u0041 looks like an escape");
    return out;
  }

  private static String parse(byte[] json) throws Exception {
    return JACKSON.readValue(json, String.class);
  }

  @ParameterizedTest
  @EnumSource(JsonWriter.Style.class)
  void jacksonReadsBackEveryTrickyString(JsonWriter.Style style) throws Exception {
    for (String s : tricky()) {
      byte[] json = new JsonWriter(style, 4).string(s).toBytes();
      assertThat(parse(json)).as("%s in %s", s, style).isEqualTo(s);
      assertThat(JsonWriter.quote(s, style).getBytes(StandardCharsets.UTF_8)).isEqualTo(json);
    }
  }

  @ParameterizedTest
  @EnumSource(JsonWriter.Style.class)
  void jacksonReadsBackRandomStrings(JsonWriter.Style style) throws Exception {
    Random rnd = new Random(16);
    char[] pool = {
      'a', '"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u00e9', '\u2028', '\u2029', '\uD83D',
      '\uDE00', '\uD800', '\uDFFF', '\uFFFF', '/'
    };
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(12);
      for (int k = 0; k < n; k++) {
        char c = rnd.nextInt(4) == 0 ? (char) rnd.nextInt(0x10000) : pool[rnd.nextInt(pool.length)];
        sb.append(c);
      }
      String s = sb.toString();
      assertThat(parse(new JsonWriter(style, 1).string(s).toBytes())).isEqualTo(s);
    }
  }

  @ParameterizedTest
  @EnumSource(JsonWriter.Style.class)
  void outputIsValidUtf8WithoutRawLineBreaksOrControls(JsonWriter.Style style) {
    for (String s : tricky()) {
      byte[] json = new JsonWriter(style, 4).string(s).toBytes();
      String text = new String(json, StandardCharsets.UTF_8);
      assertThat(text.getBytes(StandardCharsets.UTF_8)).as(s).isEqualTo(json);
      assertThat(text.chars().filter(c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029))
          .as(s)
          .isEmpty();
      if (style == JsonWriter.Style.ASCII) {
        assertThat(text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(s).isTrue();
      }
    }
  }

  @Test
  void asciiStyleIsTheResponseFormat() {
    assertThat(
            JsonWriter.quote(
                "a\"b\\c\n\r\t\u0001\u007f\u00e9\uD83D\uDE00\uD800\u2028", JsonWriter.Style.ASCII))
        .isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u007f\\u00e9\\ud83d\\ude00\\ud800\\u2028\"");
  }

  @Test
  void utf8StyleKeepsLettersAndUsesShortEscapes() {
    assertThat(
            JsonWriter.quote(
                "a\"b\\c\n\r\t\u0001\u007f\u00e9\uD83D\uDE00\uD800\u2029", JsonWriter.Style.UTF8))
        .isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u007f\u00e9\uD83D\uDE00\\ud800\\u2029\"");
  }

  @Test
  void unicodeEscapeStyleWritesEveryControlAsUnicode() {
    assertThat(JsonWriter.quote("a\"b\nc\t\u2028\u00e9", JsonWriter.Style.UTF8_UNICODE_ESCAPES))
        .isEqualTo("\"a\\\"b\\u000ac\\u0009\\u2028\u00e9\"");
  }

  @Test
  void nullIsTheJsonNull() {
    assertThat(JsonWriter.quote(null, JsonWriter.Style.UTF8)).isEqualTo("null");
  }

  @Test
  void documentsBuiltFromPiecesParse() throws Exception {
    JsonWriter w = new JsonWriter(JsonWriter.Style.UTF8, 2);
    w.raw("{\"name\":")
        .string("caf\u00e9 \"x\"")
        .raw(",\"n\":")
        .number(-42L)
        .raw(",\"ok\":")
        .bool(true)
        .raw(",\"nested\":")
        .raw("{\"k\":\"\u00fc\"}")
        .raw('}');
    JsonNode tree = JACKSON.readTree(w.toBytes());
    assertThat(tree.get("name").asText()).isEqualTo("caf\u00e9 \"x\"");
    assertThat(tree.get("n").asLong()).isEqualTo(-42L);
    assertThat(tree.get("ok").asBoolean()).isTrue();
    assertThat(tree.get("nested").get("k").asText()).isEqualTo("\u00fc");
    assertThat(w.toString()).isEqualTo(new String(w.toBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void growsPastItsInitialCapacity() throws Exception {
    String big = "\u0001\u00e9\uD83D\uDE00".repeat(5_000);
    JsonWriter w = new JsonWriter(JsonWriter.Style.UTF8, 1);
    w.raw('[').string(big).raw(',').string(big).raw(']');
    JsonNode tree = JACKSON.readTree(w.toBytes());
    assertThat(tree.get(0).asText()).isEqualTo(big);
    assertThat(tree.get(1).asText()).isEqualTo(big);
  }
}
