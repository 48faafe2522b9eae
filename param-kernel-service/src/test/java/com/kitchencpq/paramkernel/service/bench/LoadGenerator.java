package com.kitchencpq.paramkernel.service.bench;

import com.kitchencpq.paramkernel.service.warmup.LoopbackConnection;
import com.kitchencpq.paramkernel.service.warmup.WarmupRun;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Open-loop HTTP load for the benchmarks, on the same schedule as the warm-up job ({@link
 * WarmupRun}): request i is due at start + i / rate whatever happened before, at most {@code
 * connections} requests are on the wire, and each latency is measured from the due time, so a slow
 * server shows up in the numbers instead of quietly lowering the offered load (coordinated
 * omission). The requests go over {@link LoopbackConnection} (the lightest client we measured);
 * this class adds an HdrHistogram view of the latencies.
 *
 * <p>Not a test. Usage: {@code LoadGenerator <url> <rate/s> <requests> <connections> <body.json>}
 */
public final class LoadGenerator implements AutoCloseable {
  /** What one run measured; latencies in microseconds. */
  public record Result(
      double rate,
      int requests,
      int connections,
      long errors,
      long firstError,
      double achievedRate,
      Histogram latencyMicros) {

    public String summary() {
      Histogram h = latencyMicros;
      return String.format(
          "rate %.0f/s requests %d connections %d errors %d achieved %.0f/s | ms p50 %.2f p90 %.2f"
              + " p95 %.2f p99 %.2f p99.9 %.2f max %.2f",
          rate,
          requests,
          connections,
          errors,
          achievedRate,
          ms(h, 50),
          ms(h, 90),
          ms(h, 95),
          ms(h, 99),
          ms(h, 99.9),
          h.getMaxValue() / 1000.0);
    }

    public static double ms(Histogram h, double percentile) {
      return h.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  /**
   * Runs {@code requests} POSTs of {@code body} to {@code host:port/v1/apply-delta} at {@code
   * rate}/s with at most {@code connections} requests open at once.
   */
  public Result run(String host, int port, byte[] body, double rate, int requests, int connections)
      throws InterruptedException {
    WarmupRun.Result r =
        WarmupRun.run(
            () -> new LoopbackConnection(host, port, body, Map.of()),
            requests,
            rate,
            connections,
            Duration.ofSeconds(25));
    Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    for (long nanos : r.latencyNanos()) {
      latency.recordValue(Math.min(nanos / 1000, latency.getHighestTrackableValue()));
    }
    return new Result(
        rate,
        requests,
        connections,
        r.failed(),
        r.firstFailure(),
        requests / r.elapsedSeconds(),
        latency);
  }

  @Override
  public void close() {
    // each run owns its sender; nothing is kept between runs
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: LoadGenerator <http://host:port> <rate/s> <requests> <connections> <body.json>");
      System.exit(2);
    }
    URI uri = URI.create(args[0]);
    try (LoadGenerator gen = new LoadGenerator()) {
      Result r =
          gen.run(
              uri.getHost(),
              uri.getPort(),
              Files.readAllBytes(Path.of(args[4])),
              Double.parseDouble(args[1]),
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]));
      System.out.println(r.summary());
    }
  }
}
