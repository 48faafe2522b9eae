package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import java.util.List;
import java.util.Set;

/**
 * What param-kernel-service exports, as far as the checks need it (HttpMetrics and Routes of the
 * service; ServiceMetricsTest compares the two): a request counter and a latency histogram labelled
 * by {@code route}, which the service also uses for its probes and scrapes.
 */
final class ServiceMetrics {
  private ServiceMetrics() {}

  /** The request series: the counter and the histogram's series. */
  static final Set<String> REQUEST_SERIES =
      Set.of(
          "http_requests_total",
          "http_request_duration_seconds_bucket",
          "http_request_duration_seconds_sum",
          "http_request_duration_seconds_count");

  /** The label that holds the route template. */
  static final String ROUTE_LABEL = "route";

  /** The API route the analysis judges. */
  static final String API_ROUTE = "/v1/apply-delta";

  /** Routes that are not the API: the probes, the scrape, and every path that matched no route. */
  static final List<String> NON_API_ROUTES =
      List.of("/healthz/live", "/healthz/ready", "/metrics", "unmatched");
}
