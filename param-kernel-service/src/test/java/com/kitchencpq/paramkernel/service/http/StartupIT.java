package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `java -jar`: what the start loads, and bad settings giving a one-line error naming the variable,
 * no stack trace.
 */
class StartupIT {

  /**
   * What the start-up time was cut by stays cut: no JDK HTTP client and no TLS (0.4 s), no
   * registration of JFR event types (0.1 s), no platform MBean server (0.17 s) before ready.
   */
  @Test
  void startingLoadsNoHttpClientTlsJfrEventTypesOrMBeanServer(@TempDir Path dir) throws Exception {
    Path classLog = dir.resolve("classes.log");
    try (ServiceProcess p =
        ServiceProcess.start(
            Map.of("HOST", "127.0.0.1", "PORT", "0"),
            List.of("-Xlog:class+load=info:file=" + classLog))) {
      p.awaitLine("\"event\":\"ready\"", Duration.ofSeconds(60));
      List<String> loaded = Files.readAllLines(classLog);
      assertThat(loaded)
          .as("classes loaded up to readiness")
          .hasSizeGreaterThan(1000)
          .noneMatch(l -> l.contains(" java.net.http.") || l.contains(" jdk.internal.net.http."))
          .noneMatch(l -> l.contains(" sun.security.ssl."))
          .noneMatch(l -> l.contains(" jdk.jfr.internal.TypeLibrary"))
          .noneMatch(l -> l.contains(" com.sun.jmx.mbeanserver.JmxMBeanServer"));
    }
  }

  @Test
  void badPortExitsWithOneLineNamingTheVariable() throws Exception {
    try (ServiceProcess p = ServiceProcess.start(Map.of("PORT", "80a"))) {
      assertThat(p.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.process.exitValue()).isEqualTo(2);
      Thread.sleep(200);
      List<String> lines = p.lines();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0))
          .contains("\"event\":\"config.invalid\"")
          .contains("PORT=\\\"80a\\\" is invalid");
      assertThat(p.stderr()).isEmpty();
    }
  }

  @Test
  void badGracePeriodNamesItsVariable() throws Exception {
    try (ServiceProcess p = ServiceProcess.start(Map.of("SHUTDOWN_GRACE_SECONDS", "ten"))) {
      assertThat(p.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.process.exitValue()).isEqualTo(2);
      Thread.sleep(200);
      assertThat(p.lines()).singleElement().asString().contains("SHUTDOWN_GRACE_SECONDS");
      assertThat(p.stderr()).isEmpty();
    }
  }

  @Test
  void portInUseExitsOneWithoutStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        ServiceProcess p =
            ServiceProcess.start(
                Map.of("HOST", "127.0.0.1", "PORT", Integer.toString(taken.getLocalPort())))) {
      assertThat(p.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.process.exitValue()).isEqualTo(1);
      Thread.sleep(200);
      String out = String.join("\n", p.lines());
      assertThat(out)
          .contains("\"event\":\"start.failed\"")
          .contains("check HOST and PORT")
          .doesNotContain("\tat ");
      assertThat(p.stderr()).isEmpty();
    }
  }
}
