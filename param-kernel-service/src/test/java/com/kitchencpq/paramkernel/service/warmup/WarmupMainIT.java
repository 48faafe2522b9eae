package com.kitchencpq.paramkernel.service.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warm-up client over real HTTP against a loopback server whose answers the test controls. */
class WarmupMainIT {
  private HttpServer server;

  private String start(int failEvery, long delayMillis, AtomicInteger seen) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/apply-delta", ex -> {
      int n = seen.incrementAndGet();
      ex.getRequestBody().readAllBytes();
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int status = failEvery > 0 && n % failEvery == 0 ? 500 : 200;
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void passesAndReportsTheChecklistWhenEveryRequestSucceedsQuickly() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    String url = start(0, 0, seen);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = WarmupMain.run(new String[] {"--target=" + url, "--requests=40", "--rate=200", "--concurrency=5",
        // limits far above anything a loopback answer takes: this case is about the pass path
        "--max-p95-ms=10000", "--max-p99-ms=10000"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String line = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(line).isZero();
    assertThat(seen.get()).isEqualTo(40);
    assertThat(line).contains("\"requests\":40", "\"succeeded\":40", "\"passed\":true", "\"payloadSha256\":\"",
        "\"concurrency\":5", "\"p95Ms\":", "\"p99Ms\":");
  }

  @Test
  void failsWhenARequestFails() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    String url = start(10, 0, seen);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = WarmupMain.run(new String[] {"--target=" + url, "--requests=20", "--rate=200"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"500\":2", "\"passed\":false", "did not answer 200");
  }

  @Test
  void failsWhenLatencyExceedsTheLimitAndCountsQueueingAgainstTheServer() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    // 30 ms per answer, one in flight, asked for 100/s: requests queue behind each other and the
    // wait counts, so p95 is far above the single-request time.
    String url = start(0, 30, seen);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = WarmupMain.run(new String[] {"--target=" + url, "--requests=20", "--rate=100",
        "--concurrency=1", "--max-p95-ms=100", "--max-p99-ms=1000"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String line = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(line).isEqualTo(1);
    assertThat(line).contains("p95 ").contains("is not below 100.00 ms");
  }

  @Test
  void refusedConnectionsFailTheWarmupInsteadOfHanging() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = WarmupMain.run(new String[] {"--target=http://127.0.0.1:" + port, "--requests=5", "--rate=50"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"io\":5");
  }

  @Test
  void badCommandLineExitsTwo() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = WarmupMain.run(new String[] {"--requests=5"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--target is required");
  }
}
