package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ServiceMetrics says what the service's own code exports (read from the service module's sources).
 */
class ServiceMetricsTest {
  private static final Path SERVICE =
      Path.of("../param-kernel-service/src/main/java/com/kitchencpq/paramkernel/service");

  @Test
  void routesAndSeriesAreTheServices() throws IOException {
    String routes = Files.readString(SERVICE.resolve("http/Routes.java"));
    assertThat(routes).contains("\"" + ServiceMetrics.API_ROUTE + "\"");
    String metrics = Files.readString(SERVICE.resolve("metrics/HttpMetrics.java"));
    for (String r : ServiceMetrics.NON_API_ROUTES) {
      assertThat(routes + metrics).contains("\"" + r + "\"");
    }
    assertThat(metrics)
        .contains("\"http_requests_total\"")
        .contains("\"http_request_duration_seconds\"")
        .contains("\"" + ServiceMetrics.ROUTE_LABEL + "\"");
  }
}
