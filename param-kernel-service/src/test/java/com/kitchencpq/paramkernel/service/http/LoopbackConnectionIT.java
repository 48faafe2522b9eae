package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.service.warmup.LoopbackConnection;
import com.kitchencpq.paramkernel.testkit.FreePorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm-up's and the benchmarks' minimal client against the real server. */
class LoopbackConnectionIT {
  private static final byte[] SMALL = HttpRulesIT.resource("small-request.json");

  @Test
  void answersAreReadWholeSoTheConnectionCarriesTheNextRequest() throws Exception {
    try (RunningService s = RunningService.ready(Map.of());
        LoopbackConnection c = new LoopbackConnection("127.0.0.1", s.port(), SMALL, Map.of())) {
      assertThat(c.post("r1")).isEqualTo(200);
      assertThat(c.post("r2")).isEqualTo(200);
      assertThat(s.get(Routes.METRICS).body())
          .contains(
              "http_requests_total{code=\"200\",method=\"POST\",route=\"/v1/apply-delta\"} 2.0");
    }
  }

  @Test
  void errorAnswersAreStatusesNotExceptions() throws Exception {
    byte[] broken = "{\"model\":".getBytes(StandardCharsets.UTF_8);
    try (RunningService s = RunningService.ready(Map.of());
        LoopbackConnection bad = new LoopbackConnection("127.0.0.1", s.port(), broken, Map.of());
        LoopbackConnection good = new LoopbackConnection("127.0.0.1", s.port(), SMALL, Map.of())) {
      assertThat(bad.post("b1")).isEqualTo(400);
      assertThat(bad.post("b2")).isEqualTo(400);
      assertThat(good.post("g1")).isEqualTo(200);
    }
  }

  @Test
  void aConnectionClosedByTheServerIsReopenedForTheNextRequest() throws Exception {
    try (RunningService s =
            RunningService.ready(Map.of(ServiceConfig.SHUTDOWN_DRAIN_SECONDS, "30"));
        LoopbackConnection c = new LoopbackConnection("127.0.0.1", s.port(), SMALL, Map.of())) {
      assertThat(c.post("before")).isEqualTo(200);
      // Draining: answers carry Connection: close, the listener stays open.
      s.server.lifecycle().beginDraining();
      assertThat(c.post("draining-1")).isEqualTo(200);
      assertThat(c.post("draining-2")).isEqualTo(200);
    }
  }

  @Test
  void extraHeadersAreSent() throws Exception {
    try (RunningService s = RunningService.ready(Map.of());
        LoopbackConnection c =
            new LoopbackConnection(
                "127.0.0.1",
                s.port(),
                SMALL,
                Map.of(RequestHandler.WARMUP_HEADER, s.server.warmupToken()))) {
      assertThat(c.post("w1")).isEqualTo(200);
      // The warm-up token keeps the request out of the metrics.
      assertThat(s.get(Routes.METRICS).body())
          .doesNotContain("code=\"200\",method=\"POST\",route=\"/v1/apply-delta\"");
    }
  }

  @Test
  void anAnswerThatIsNotHttpIsAnIoException() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread peer =
          new Thread(
              () -> {
                try (java.net.Socket s = server.accept()) {
                  s.getInputStream().readNBytes(SMALL.length);
                  s.getOutputStream().write("nonsense\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  s.getOutputStream().flush();
                  s.getInputStream().read();
                } catch (IOException e) {
                  // the client closed
                }
              });
      peer.start();
      try (LoopbackConnection c =
          new LoopbackConnection("127.0.0.1", server.getLocalPort(), SMALL, Map.of())) {
        assertThatThrownBy(() -> c.post("x"))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("not an HTTP/1.1 status line");
      }
      peer.join(5_000);
    }
  }

  @Test
  void aRefusedConnectionIsAnIoException() throws Exception {
    int port = FreePorts.loopback();
    try (LoopbackConnection c = new LoopbackConnection("127.0.0.1", port, SMALL, Map.of())) {
      assertThatThrownBy(() -> c.post("x")).isInstanceOf(IOException.class);
    }
  }
}
