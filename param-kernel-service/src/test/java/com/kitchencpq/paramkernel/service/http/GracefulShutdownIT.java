package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The real jar under concurrent load receives SIGTERM: readiness turns 503 at once, requests keep
 * being served while draining, a request still uploading when the listener closes is answered, and
 * the process exits 0 within the grace period.
 */
class GracefulShutdownIT {
  static final int GRACE_SECONDS = 10;
  static final int DRAIN_SECONDS = 2;

  @Test
  void sigtermDrainsWithoutFailingAcceptedRequestsAndExitsZero() throws Exception {
    byte[] payload = BaselinePayload.request();
    try (ServiceProcess service =
        ServiceProcess.start(
            Map.of(
                "HOST",
                "127.0.0.1",
                "PORT",
                "0",
                "SHUTDOWN_GRACE_SECONDS",
                Integer.toString(GRACE_SECONDS),
                "SHUTDOWN_DRAIN_SECONDS",
                Integer.toString(DRAIN_SECONDS)))) {
      int port = service.port();
      service.awaitReady(port, Duration.ofSeconds(60));
      URI apply = URI.create("http://127.0.0.1:" + port + Routes.APPLY_DELTA);
      URI ready = URI.create("http://127.0.0.1:" + port + Routes.READY);

      // Load: 4 clients, each its own connection pool, back to back.
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger okWhileDraining = new AtomicInteger();
      AtomicInteger closeHeaders = new AtomicInteger();
      long[] sigtermAt = {Long.MAX_VALUE};
      long[] stopAt = {Long.MAX_VALUE};
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        Thread t =
            new Thread(
                () -> {
                  HttpClient client =
                      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                  while (System.nanoTime() < stopAt[0]) {
                    long sent = System.nanoTime();
                    try {
                      HttpResponse<String> r =
                          client.send(
                              HttpRequest.newBuilder(apply)
                                  .header("Content-Type", "application/json")
                                  .timeout(Duration.ofSeconds(20))
                                  .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString());
                      if (r.statusCode() != 200) {
                        failures.add("status " + r.statusCode() + ": " + r.body());
                      } else {
                        ok.incrementAndGet();
                        if (sent > sigtermAt[0]) {
                          okWhileDraining.incrementAndGet();
                          if (r.headers().firstValue("Connection").orElse("").equals("close")) {
                            closeHeaders.incrementAndGet();
                          }
                        }
                      }
                    } catch (Exception e) {
                      failures.add(e.toString());
                    }
                  }
                },
                "load-" + c);
        t.start();
        clients.add(t);
      }
      Thread.sleep(1000);

      sigtermAt[0] = System.nanoTime();
      // Clients keep sending for most of the drain period, then stop before the listener closes.
      stopAt[0] = sigtermAt[0] + TimeUnit.MILLISECONDS.toNanos(DRAIN_SECONDS * 1000L - 500);
      // SIGTERM. Through the handle: Process.destroy() would also close our end of stdout.
      assertThat(service.process.toHandle().destroy()).isTrue();

      HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      int readyStatus = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      while (System.nanoTime() < deadline && readyStatus != 503) {
        readyStatus =
            probe
                .send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
      }
      assertThat(readyStatus).as("readiness soon after SIGTERM").isEqualTo(503);

      // A request that starts during the drain and is still uploading when the listener closes.
      RawHttp slow = new RawHttp(port);
      slow.write(
          "POST /v1/apply-delta HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + payload.length
              + "\r\n\r\n");
      slow.write(java.util.Arrays.copyOf(payload, payload.length / 2));

      for (Thread t : clients) {
        t.join(30_000);
      }
      service.awaitLine(
          "\"event\":\"shutdown.closing-listener\"", Duration.ofSeconds(GRACE_SECONDS));
      Thread.sleep(300);
      slow.write(java.util.Arrays.copyOfRange(payload, payload.length / 2, payload.length));
      RawHttp.Response slowAnswer = slow.read();
      slow.close();

      boolean exited = service.process.waitFor(GRACE_SECONDS + 5, TimeUnit.SECONDS);
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigtermAt[0]);

      assertThat(failures).as("failed requests").isEmpty();
      assertThat(ok.get()).isPositive();
      assertThat(okWhileDraining.get()).as("served while draining").isPositive();
      // Requests sent right after the signal may arrive before the JVM handled it.
      assertThat(closeHeaders.get())
          .as("answers with Connection: close while draining")
          .isPositive();
      assertThat(slowAnswer.status()).as(slowAnswer.body()).isEqualTo(200);
      assertThat(exited).isTrue();
      assertThat(service.process.exitValue()).as("exit code; log: %s", service.lines()).isZero();
      assertThat(tookMillis).as("SIGTERM to exit").isLessThan(GRACE_SECONDS * 1000L);
      assertThat(service.stderr()).as("Vert.x and Netty stay quiet: nothing on stderr").isEmpty();
      List<String> lines = service.lines();
      assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{\"ts\":\"").endsWith("}"));
      assertThat(String.join("\n", lines))
          .contains("\"event\":\"ready\"")
          .contains("\"event\":\"shutdown.draining\"")
          .contains("\"event\":\"shutdown.complete\"");
    }
  }
}
