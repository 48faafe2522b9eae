package com.kitchencpq.paramkernel.service.metrics;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The service's Prometheus metrics: request counter and latency histogram per route template, JVM
 * metrics, and the exposition for {@code GET /metrics}.
 */
public final class HttpMetrics {
  /**
   * Latency bucket bounds in seconds. The rollout analysis decides at 30, 45, 60 and 70 ms, so each
   * of those is an exact bound; the finite bounds go well past the highest threshold. Between 3 and
   * 20 ms no bucket is wider than a fifth of its lower bound: the service answers in 1 to 6 ms, and
   * the analysis divides the canary's p95 by the stable pods', so the ratio is only as precise as
   * these buckets are narrow (with the earlier 4-5-6-7.5-10 ms bounds a canary twice as slow
   * measured 1.86 to 2.07; see docs/gate-efficacy.md). Inside a bucket histogram_quantile
   * interpolates linearly; docs/rollout-bundle.md gives the resulting error of the p95 estimate per
   * bucket range.
   */
  public static final double[] BUCKETS = {
    0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.0035, 0.004, 0.0045, 0.005, 0.0055, 0.006,
    0.0065, 0.007, 0.0075, 0.008, 0.009, 0.01, 0.011, 0.0125, 0.015, 0.0175, 0.02, 0.025, 0.03,
    0.035, 0.04, 0.045, 0.05, 0.06, 0.07, 0.08, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10
  };

  /** Route label for every path that matches no route (never the raw path). */
  public static final String UNMATCHED = "unmatched";

  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");
  private static final String[] CODES = new String[600];

  static {
    for (int i = 100; i < CODES.length; i++) {
      CODES[i] = Integer.toString(i);
    }
  }

  private final PrometheusRegistry registry;
  private final Counter requests;
  private final Histogram duration;
  private final ExpositionFormats formats = ExpositionFormats.init();

  /** Registers the metrics (and the JVM metrics) in a fresh registry. */
  public HttpMetrics() {
    this.registry = new PrometheusRegistry();
    this.requests =
        Counter.builder()
            .name("http_requests_total")
            .help("HTTP requests answered, by method, route template and status code")
            .labelNames("method", "route", "code")
            .register(registry);
    this.duration =
        Histogram.builder()
            .name("http_request_duration_seconds")
            .help(
                "Time from request start to the end of the response, by method and route template")
            .unit(Unit.SECONDS)
            .labelNames("method", "route")
            .classicUpperBounds(BUCKETS)
            .classicOnly()
            .register(registry);
    registerJvmMetrics(registry);
  }

  /**
   * What {@code JvmMetrics.builder().register()} registers, less the native-memory metrics: those
   * report only with -XX:NativeMemoryTracking (off in the recommended flags) and asking for them
   * starts the platform MBean server, about 0.17 s of the start-up.
   */
  private static void registerJvmMetrics(PrometheusRegistry registry) {
    PrometheusProperties config = PrometheusProperties.get();
    JvmThreadsMetrics.builder(config).register(registry);
    JvmBufferPoolMetrics.builder(config).register(registry);
    JvmClassLoadingMetrics.builder(config).register(registry);
    JvmCompilationMetrics.builder(config).register(registry);
    JvmGarbageCollectorMetrics.builder(config).register(registry);
    JvmMemoryPoolAllocationMetrics.builder(config).register(registry);
    JvmMemoryMetrics.builder(config).register(registry);
    JvmRuntimeInfoMetric.builder(config).register(registry);
    ProcessMetrics.builder(config).register(registry);
  }

  /**
   * Creates the series of a route at zero before the first request, so that queries over them
   * (error rate, latency) see a value from the start instead of an empty result.
   */
  public void initRoute(String method, String route, int... codes) {
    for (int code : codes) {
      requests.initLabelValues(method, route, code(code));
    }
    duration.initLabelValues(method, route);
  }

  /** Records one answered request. */
  public void record(String method, String route, int status, long nanos) {
    String m = methodLabel(method);
    requests.labelValues(m, route, code(status)).inc();
    duration.labelValues(m, route).observe(nanos / 1e9);
  }

  /** Unknown or custom methods share one label value so clients cannot create series. */
  public static String methodLabel(String method) {
    return KNOWN_METHODS.contains(method) ? method : "OTHER";
  }

  private static String code(int status) {
    return status >= 100 && status < CODES.length ? CODES[status] : Integer.toString(status);
  }

  /** An encoded scrape and its Content-Type. */
  public record Exposition(String contentType, byte[] body) {}

  /** Scrapes the registry in the format the {@code Accept} header asks for (text by default). */
  public Exposition expose(String acceptHeader) {
    ExpositionFormatWriter writer = formats.findWriter(acceptHeader);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Exposition(writer.getContentType(), out.toByteArray());
  }

  public PrometheusRegistry registry() {
    return registry;
  }
}
