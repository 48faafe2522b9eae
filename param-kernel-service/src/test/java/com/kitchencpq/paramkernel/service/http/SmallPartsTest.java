package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Content-Type decision, request ids and the JSON log line format. */
class SmallPartsTest {

  @Test
  void jsonContentTypes() {
    assertThat(JsonContentType.accepts("application/json")).isTrue();
    assertThat(JsonContentType.accepts("APPLICATION/JSON")).isTrue();
    assertThat(JsonContentType.accepts("application/json; charset=utf-8")).isTrue();
    assertThat(JsonContentType.accepts("application/json;charset=\"UTF-8\"")).isTrue();
    assertThat(JsonContentType.accepts("application/json; charset=UTF8")).isTrue();
    assertThat(JsonContentType.accepts("application/json; profile=x")).isTrue();
    assertThat(JsonContentType.accepts("application/json;")).isTrue();

    assertThat(JsonContentType.accepts(null)).isFalse();
    assertThat(JsonContentType.accepts("")).isFalse();
    assertThat(JsonContentType.accepts("application/json; charset=latin1")).isFalse();
    assertThat(JsonContentType.accepts("application/json; charset=")).isFalse();
    assertThat(JsonContentType.accepts("application/json; charset")).isFalse();
    assertThat(JsonContentType.accepts("application/json-patch+json")).isFalse();
    assertThat(JsonContentType.accepts("text/plain")).isFalse();
  }

  @Test
  void requestIds() {
    assertThat(RequestIds.accept("4bf92f3577b34da6a3ce929d0e0e4736"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(RequestIds.accept("a b\r\nc")).isEqualTo("abc");
    assertThat(RequestIds.accept("x".repeat(100))).hasSize(RequestIds.MAX_LENGTH);
    assertThat(RequestIds.accept("\u00e9\u00e9")).matches("[0-9a-f]{32}");
    assertThat(RequestIds.accept(null)).matches("[0-9a-f]{32}");
    assertThat(RequestIds.generate()).isNotEqualTo(RequestIds.generate());
  }

  @Test
  void logLinesAreSingleLineJson() {
    String line =
        JsonLog.format(
            "info",
            "ready",
            "port",
            8080,
            "note",
            "a\"b\nc\u2028",
            "ok",
            true,
            "ratio",
            Double.NaN);
    assertThat(line)
        .doesNotContain("\n")
        .doesNotContain("\u2028")
        .startsWith("{\"ts\":\"")
        .contains(
            "\"level\":\"info\",\"event\":\"ready\",\"port\":8080,"
                + "\"note\":\"a\\\"b\\u000ac\\u2028\",\"ok\":true,\"ratio\":\"NaN\"}");
  }
}
