package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated requests over real HTTP against the real kernel: garbage bytes, wrong
 * content types, truncated and oversized bodies, odd methods and paths. Nothing may produce a 5xx,
 * every error must carry the contract's body, and the service must stay up with no request left
 * counted as in flight.
 */
class FuzzIT {
  static final long SEED = 0x5eed_2026L;
  static final int REQUESTS = 4000;
  static final int LIMIT = 256 * 1024;
  static RunningService service;

  static final String[] CONTENT_TYPES = {
    "application/json",
    "application/json",
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=latin1",
    "text/plain",
    "",
    "application/xml",
    "application/json;;",
    "APPLICATION/JSON; CHARSET=UTF-8",
    "multipart/form-data; boundary=x",
    null
  };
  static final String[] PATHS = {
    Routes.APPLY_DELTA,
    Routes.APPLY_DELTA,
    Routes.APPLY_DELTA,
    Routes.APPLY_DELTA,
    Routes.APPLY_DELTA,
    Routes.APPLY_DELTA + "?x=1",
    "/v1/apply-delta/../apply-delta",
    "/v1//apply-delta",
    Routes.LIVE,
    Routes.READY,
    Routes.METRICS,
    "/%00",
    "/\u00e4",
    "/a/b/c/d/e/f"
  };
  static final String[] METHODS = {
    "POST", "POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "XYZ"
  };

  @BeforeAll
  static void start() {
    service = RunningService.ready(Map.of(ServiceConfig.BODY_LIMIT_BYTES, Integer.toString(LIMIT)));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static byte[] mutate(Random r, byte[] seed) {
    byte[] b = seed.clone();
    int kind = r.nextInt(12);
    switch (kind) {
      case 0 -> { // flip random bytes
        for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
          b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
      }
      case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncated
      case 2 -> { // delete a range
        int from = r.nextInt(b.length);
        int to = Math.min(b.length, from + r.nextInt(200));
        byte[] c = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, c, 0, from);
        System.arraycopy(b, to, c, from, b.length - to);
        b = c;
      }
      case 3 -> { // pure garbage
        b = new byte[r.nextInt(4096)];
        r.nextBytes(b);
      }
      case 4 ->
          b =
              replaceAll(
                  b,
                  r,
                  new String[] {"1", "2", "0"},
                  new String[] {"1e308", "-0", "1e999", "NaN", "\"x\"", "null", "true"});
      case 5 ->
          b =
              replaceAll(
                  b,
                  r,
                  new String[] {"\"value\""},
                  new String[] {"\"expr\"", "\"valu\"", "\"value\":1,\"value\""});
      case 6 ->
          b =
              replaceAll(
                  b,
                  r,
                  new String[] {"\"expr\": \"", "\"expr\":\""},
                  new String[] {
                    "\"expr\":\"(((",
                    "\"expr\":\"1/0+",
                    "\"expr\":\"if(",
                    "\"expr\":\"\\u0000",
                    "\"expr\":\"sqrt(-1)+"
                  });
      case 7 -> { // deep nesting
        int depth = 1 + r.nextInt(50_000);
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        b = ("{\"model\":" + open.repeat(depth)).getBytes(StandardCharsets.UTF_8);
      }
      case 8 -> { // invalid UTF-8 inside a string
        int at = indexOf(b, (byte) '"', r.nextInt(b.length));
        if (at >= 0 && at + 1 < b.length) {
          b[at + 1] = (byte) (0x80 + r.nextInt(0x40));
        }
      }
      case 9 -> { // trailing data
        byte[] tail = " {}x".getBytes(StandardCharsets.UTF_8);
        byte[] c = Arrays.copyOf(b, b.length + tail.length);
        System.arraycopy(tail, 0, c, b.length, tail.length);
        b = c;
      }
      case 10 -> { // too large
        b = new byte[LIMIT + 1 + r.nextInt(1000)];
        Arrays.fill(b, (byte) ' ');
      }
      default ->
          b =
              replaceAll(
                  b,
                  r,
                  new String[] {"\"add\"", "\"set\"", "\"scale\""},
                  new String[] {"\"mul\"", "\"set\"", "\"scale\"", "1", "[]"});
    }
    return b;
  }

  static int indexOf(byte[] b, byte v, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  static byte[] replaceAll(byte[] b, Random r, String[] targets, String[] replacements) {
    String s = new String(b, StandardCharsets.UTF_8);
    String target = targets[r.nextInt(targets.length)];
    int at = s.indexOf(target, r.nextInt(Math.max(1, s.length())));
    if (at < 0) {
      at = s.indexOf(target);
    }
    if (at < 0) {
      return b;
    }
    String rep = replacements[r.nextInt(replacements.length)];
    return (s.substring(0, at) + rep + s.substring(at + target.length()))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void mutatedRequestsNeverGet5xx() throws Exception {
    List<byte[]> seeds =
        List.of(
            BaselinePayload.request(),
            HttpRulesIT.resource("small-request.json"),
            HttpRulesIT.resource("unknown-reference-request.json"));
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    AtomicInteger[] byClass = new AtomicInteger[6];
    for (int i = 0; i < byClass.length; i++) {
      byClass[i] = new AtomicInteger();
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      final int worker = w;
      futures.add(
          pool.submit(
              () -> {
                Random r = new Random(SEED + worker);
                for (int i = worker; i < REQUESTS; i += 4) {
                  byte[] body =
                      r.nextInt(10) == 0
                          ? seeds.get(r.nextInt(seeds.size()))
                          : mutate(r, seeds.get(r.nextInt(seeds.size())));
                  String method = METHODS[r.nextInt(METHODS.length)];
                  String path = PATHS[r.nextInt(PATHS.length)];
                  String type = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
                  HttpRequest.Builder b;
                  try {
                    b =
                        HttpRequest.newBuilder(
                                service.uri(
                                    path.replace("\u00e4", "%C3%A4").replace("/%00", "/%2500")))
                            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                  } catch (IllegalArgumentException e) {
                    problems.add("test bug: " + e);
                    continue;
                  }
                  if (type != null) {
                    b.header("Content-Type", type);
                  }
                  HttpResponse<String> resp;
                  try {
                    resp = service.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                  } catch (IOException e) {
                    // The server may cut an oversized upload short after answering 413.
                    if (body.length <= LIMIT) {
                      problems.add(
                          method + " " + path + " " + type + " len " + body.length + ": " + e);
                    }
                    continue;
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  int status = resp.statusCode();
                  byClass[status / 100].incrementAndGet();
                  if (status >= 500) {
                    problems.add(
                        status + " for " + method + " " + path + " " + type + ": " + resp.body());
                  } else if (status >= 400 && !path.startsWith(Routes.READY)) {
                    try {
                      ErrorBody.parse(resp.body());
                    } catch (AssertionError e) {
                      problems.add(e.getMessage());
                    }
                  }
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();

    assertThat(problems).isEmpty();
    assertThat(byClass[5].get()).isZero();
    assertThat(byClass[4].get()).isGreaterThan(REQUESTS / 2);
    assertThat(byClass[2].get()).isPositive();
    assertThat(service.get(Routes.LIVE).statusCode()).isEqualTo(200);
    assertThat(service.get(Routes.METRICS).body())
        .contains(
            "http_requests_total{code=\"500\",method=\"POST\",route=\"/v1/apply-delta\"} 0.0");
  }

  @Test
  void brokenConnectionsAndRawGarbageLeaveTheServiceUp() throws Exception {
    Random r = new Random(SEED);
    byte[] baseline = BaselinePayload.request();
    for (int i = 0; i < 300; i++) {
      try (RawHttp raw = new RawHttp(service.port())) {
        switch (i % 5) {
          case 0 -> { // random bytes as a request
            byte[] junk = new byte[1 + r.nextInt(2000)];
            r.nextBytes(junk);
            raw.write(junk);
            raw.write("\r\n\r\n");
          }
          case 1 -> { // headers cut in the middle
            raw.write("POST /v1/apply-delta HTTP/1.1\r\nHost: x\r\nContent-Ty");
          }
          case 2 -> { // body shorter than announced, then the client goes away
            raw.write(
                "POST /v1/apply-delta HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + baseline.length
                    + "\r\n\r\n");
            raw.write(Arrays.copyOf(baseline, r.nextInt(baseline.length)));
          }
          case 3 -> { // broken chunked encoding
            raw.write(
                "POST /v1/apply-delta HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
            RawHttp.Response resp = raw.read();
            assertThat(resp.status()).isBetween(400, 499);
          }
          default -> { // header line far too long
            raw.write(
                "GET /healthz/live HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "a".repeat(20_000)
                    + "\r\n\r\n");
            RawHttp.Response resp = raw.read();
            assertThat(resp.status()).isBetween(400, 499);
          }
        }
      } catch (IOException e) {
        // a reset after garbage is fine; the checks below decide
      }
    }
    assertThat(service.get(Routes.LIVE).statusCode()).isEqualTo(200);
    assertThat(service.postJson(baseline).statusCode()).isEqualTo(200);
    long end = System.nanoTime() + 5_000_000_000L;
    while (service.server.lifecycle().inFlight() > 0 && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(service.server.lifecycle().inFlight()).as("requests counted as in flight").isZero();
    assertThat(
            service
                .get(Routes.METRICS)
                .body()
                .lines()
                .filter(l -> l.startsWith("http_requests_total{code=\"5"))
                .filter(l -> !l.endsWith(" 0.0")))
        .as("5xx counted")
        .isEmpty();
  }
}
