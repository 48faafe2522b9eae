package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP rules of the contract, over real HTTP against the real kernel. */
class HttpRulesIT {
  static final int LIMIT = 64 * 1024;
  static RunningService service;

  @BeforeAll
  static void start() {
    service = RunningService.ready(Map.of(ServiceConfig.BODY_LIMIT_BYTES, Integer.toString(LIMIT)));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static byte[] resource(String name) {
    try (InputStream in = HttpRulesIT.class.getResourceAsStream("/http/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ErrorBody assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    ErrorBody e = ErrorBody.parse(r.body());
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.message()).isNotBlank();
    return e;
  }

  @Test
  void validRequestIsAnswered200WithTheKernelsDocument() {
    HttpResponse<String> r = service.postJson(resource("small-request.json"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.body())
        .startsWith("{")
        .contains("\"modelId\":\"kitchen-test-1\"")
        .contains("\"revision\":8");
  }

  @Test
  void contentTypeWithUtf8CharsetIsAccepted() {
    HttpResponse<String> r =
        service.post(
            Routes.APPLY_DELTA,
            "Application/JSON; charset=\"UTF-8\"",
            resource("small-request.json"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void malformedJsonIs400FromTheKernel() {
    ErrorBody e =
        assertError(
            service.postJson("{\"model\":".getBytes(StandardCharsets.UTF_8)),
            400,
            "malformed-json");
    assertThat(e.path()).isNotNull();
  }

  @Test
  void semanticErrorIs422WithThePointerFromTheKernel() {
    ErrorBody e =
        assertError(
            service.postJson(resource("unknown-reference-request.json")), 422, "unknown-reference");
    assertThat(e.path()).isEqualTo("/model/parameters/3/expr");
  }

  @Test
  void missingContentTypeIs415() {
    ErrorBody e =
        assertError(
            service.post(Routes.APPLY_DELTA, null, resource("small-request.json")),
            415,
            "unsupported-media-type");
    assertThat(e.path()).isEmpty();
  }

  @Test
  void otherMediaTypesAndCharsetsAre415() {
    for (String type :
        new String[] {
          "text/plain",
          "application/jsonx",
          "application/x-www-form-urlencoded",
          "application/json; charset=iso-8859-1",
          "application/json; charset=utf-16",
          "text/json",
          "application/*",
          "*/*",
          "application/json;charset"
        }) {
      assertError(
          service.post(Routes.APPLY_DELTA, type, resource("small-request.json")),
          415,
          "unsupported-media-type");
    }
  }

  @Test
  void unsupportedMediaTypeIsCheckedBeforeTheSize() {
    assertError(
        service.post(Routes.APPLY_DELTA, "text/plain", new byte[LIMIT * 2]),
        415,
        "unsupported-media-type");
  }

  @Test
  void bodyOfExactlyTheLimitReachesTheKernel() {
    byte[] body = new byte[LIMIT];
    Arrays.fill(body, (byte) ' ');
    body[0] = '[';
    body[LIMIT - 1] = ']';
    // Not 413: the kernel rejects the array as the wrong JSON type.
    HttpResponse<String> r = service.postJson(body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
  }

  @Test
  void bodyOneByteOverTheLimitIs413() {
    ErrorBody e = assertError(service.postJson(new byte[LIMIT + 1]), 413, "payload-too-large");
    assertThat(e.path()).isEmpty();
    assertThat(e.message()).contains("BODY_LIMIT_BYTES");
  }

  @Test
  void tooLargeContentLengthIsRejectedBeforeTheBodyIsSent() throws IOException {
    try (RawHttp raw = new RawHttp(service.port())) {
      raw.write(
          "POST /v1/apply-delta HTTP/1.1\r\nHost: localhost\r\n"
              + "Content-Type: application/json\r\nContent-Length: "
              + (LIMIT + 1)
              + "\r\n\r\n");
      RawHttp.Response r = raw.read(); // no body byte was sent
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.headers()).containsEntry("connection", "close");
      assertThat(ErrorBody.parse(r.body()).code()).isEqualTo("payload-too-large");
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void chunkedBodyIsCutOffOnceItPassesTheLimit() throws Exception {
    try (RawHttp raw = new RawHttp(service.port())) {
      raw.write(
          "POST /v1/apply-delta HTTP/1.1\r\nHost: localhost\r\n"
              + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[8 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      String size = Integer.toHexString(chunk.length) + "\r\n";
      // Send one chunk more than the limit, never the terminating chunk: the server must
      // answer from what it counted while streaming, not wait for the end of the body.
      for (int sent = 0; sent <= LIMIT; sent += chunk.length) {
        raw.write(size);
        raw.write(chunk);
        raw.write("\r\n");
      }
      RawHttp.Response r = raw.read();
      assertThat(r.status()).isEqualTo(413);
      assertThat(ErrorBody.parse(r.body()).code()).isEqualTo("payload-too-large");
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void expectContinueIsAnsweredWith100ForAcceptableRequests() throws IOException {
    byte[] body = resource("small-request.json");
    try (RawHttp raw = new RawHttp(service.port())) {
      raw.write(
          "POST /v1/apply-delta HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
              + "Content-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\n\r\n");
      RawHttp.Response cont = raw.read(true);
      assertThat(cont.status()).isEqualTo(100);
      raw.write(body);
      assertThat(raw.read().status()).isEqualTo(200);
    }
  }

  @Test
  void rejectionWithoutContinueClosesTheConnection() throws IOException {
    try (RawHttp raw = new RawHttp(service.port())) {
      raw.write(
          "POST /v1/apply-delta HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
              + "Content-Type: text/plain\r\nContent-Length: 10\r\n\r\n");
      RawHttp.Response r = raw.read(); // a final answer, no 100: the body is never sent
      assertThat(r.status()).isEqualTo(415);
      assertThat(r.headers()).containsEntry("connection", "close");
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void unknownRoutesAre404WithTheErrorBody() {
    for (String path :
        new String[] {
          "/",
          "/v1/apply-delta/",
          "/v1/apply-delta2",
          "/v2/apply-delta",
          "/healthz",
          "/metrics/x",
          "/%2e%2e/etc/passwd"
        }) {
      ErrorBody e = assertError(service.get(path), 404, "not-found");
      assertThat(e.path()).isEmpty();
    }
    assertError(
        service.postJson(Routes.class.getName().getBytes(StandardCharsets.UTF_8)),
        400,
        "malformed-json");
  }

  @Test
  void queryStringsDoNotChangeTheRoute() {
    assertThat(service.get(Routes.LIVE + "?verbose=1").statusCode()).isEqualTo(200);
  }

  @Test
  void wrongMethodsAre405WithAllow() {
    HttpResponse<String> r = service.get(Routes.APPLY_DELTA);
    assertError(r, 405, "method-not-allowed");
    assertThat(r.headers().firstValue("Allow")).hasValue("POST");

    for (String path : new String[] {Routes.LIVE, Routes.READY, Routes.METRICS}) {
      HttpResponse<String> p = service.post(path, "application/json", new byte[] {'{', '}'});
      assertThat(ErrorBody.parse(p.body()).path()).isEmpty();
      assertError(p, 405, "method-not-allowed");
      assertThat(p.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
    HttpResponse<String> d =
        service.send(
            HttpRequest.newBuilder(service.uri(Routes.APPLY_DELTA))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
    assertError(d, 405, "method-not-allowed");
    HttpResponse<String> custom =
        service.send(
            HttpRequest.newBuilder(service.uri(Routes.APPLY_DELTA))
                .method("BREW", HttpRequest.BodyPublishers.noBody()));
    assertError(custom, 405, "method-not-allowed");
  }

  @Test
  void headOnHealthEndpointsHasNoBody() throws IOException {
    try (RawHttp raw = new RawHttp(service.port())) {
      raw.write("HEAD /healthz/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(raw.read(true).status()).isEqualTo(200);
      // No body bytes follow the head: the next response on the connection starts right away.
      raw.write("GET /healthz/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
      RawHttp.Response next = raw.read();
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.body()).isEqualTo("{\"status\":\"live\"}");
    }
  }

  @Test
  void requestIdIsEchoedSanitisedOrGenerated() {
    HttpResponse<String> given =
        service.send(
            HttpRequest.newBuilder(service.uri(Routes.LIVE))
                .header("X-Request-Id", "abc-123_XYZ.7"));
    assertThat(given.headers().firstValue("X-Request-Id")).hasValue("abc-123_XYZ.7");

    HttpResponse<String> dirty =
        service.send(
            HttpRequest.newBuilder(service.uri(Routes.APPLY_DELTA))
                .header("X-Request-Id", "<script>\"x\" id;1")
                .GET());
    assertThat(dirty.headers().firstValue("X-Request-Id")).hasValue("scriptxid1");

    HttpResponse<String> longOne =
        service.send(
            HttpRequest.newBuilder(service.uri(Routes.LIVE))
                .header("X-Request-Id", "a".repeat(500)));
    assertThat(longOne.headers().firstValue("X-Request-Id")).hasValue("a".repeat(64));

    HttpResponse<String> none = service.get(Routes.LIVE);
    assertThat(none.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");
    HttpResponse<String> onError = service.get("/nowhere");
    assertThat(onError.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");
  }

  @Test
  void unparsableHttpGetsTheErrorBodyAnd400() throws IOException {
    try (RawHttp raw = new RawHttp(service.port())) {
      raw.write("THIS IS NOT HTTP\r\n\r\n");
      RawHttp.Response r = raw.read();
      assertThat(r.status()).isEqualTo(400);
      assertThat(ErrorBody.parse(r.body()).code()).isEqualTo("invalid-request");
    }
  }

  @Test
  void liveIsAlways200() {
    HttpResponse<String> r = service.get(Routes.LIVE);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"status\":\"live\"}");
  }
}
