package com.kitchencpq.paramkernel.service.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a fixed number of ApplyDelta requests at a fixed rate with a bounded number in flight, and
 * measures each one from the moment it was <em>scheduled</em> to be sent, so a slow server that
 * holds back later requests is charged for the wait (no coordinated omission).
 *
 * <p>One thread per connection with blocking I/O, by default the JDK's {@link HttpURLConnection}: a
 * free thread takes the next request, waits for its due time and sends it itself, so no hand-off
 * between threads sits between the schedule and the wire. The last stretch before the due time is
 * spun rather than slept, so that the client's own wake-up delay is not charged to the server (a
 * fifth of the interval, at most 200 µs).
 */
public final class WarmupRun {

  /**
   * What one run observed. Percentiles in milliseconds; outcomes by status code ("io" for no
   * answer, "unfinished" for none in time); every request's latency in nanoseconds and its outcome,
   * in send order; the index of the first request that did not answer 200, or -1; the error of the
   * first request that got no answer ("io"), or null.
   */
  public record Result(
      int requests,
      int succeeded,
      Map<String, Integer> outcomes,
      double p50Millis,
      double p95Millis,
      double p99Millis,
      double maxMillis,
      double elapsedSeconds,
      long[] latencyNanos,
      String[] requestOutcomes,
      int firstFailure,
      String firstError) {

    public int failed() {
      return requests - succeeded;
    }
  }

  /** How a sender thread talks to the server: one connection per thread, opened lazily. */
  @FunctionalInterface
  public interface Transport {
    /** A connection for one sender thread; called once per thread. */
    Connection open();
  }

  /** One sender thread's connection. */
  public interface Connection extends AutoCloseable {
    /** Sends one request and reads the whole answer; returns its status code. */
    int post(String requestId) throws IOException;

    @Override
    void close();
  }

  private static final long MAX_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  private final Duration connectTimeout;

  public WarmupRun(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * Runs the profile against {@code target + /v1/apply-delta} with {@code body}, over the JDK's
   * {@link HttpURLConnection}.
   */
  public Result run(
      URI target,
      byte[] body,
      int requests,
      double ratePerSecond,
      int concurrency,
      Duration requestTimeout)
      throws InterruptedException {
    URL endpoint;
    try {
      endpoint = URI.create(target + "/v1/apply-delta").toURL();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an http(s) URL: " + target, e);
    }
    return run(
        () -> new JdkConnection(endpoint, body, connectTimeout, requestTimeout),
        requests,
        ratePerSecond,
        concurrency,
        requestTimeout.plus(connectTimeout));
  }

  /**
   * Sends {@code requests} requests through {@code transport}, request <i>i</i> due at start +
   * <i>i</i> / rate, at most {@code concurrency} at once (one thread and connection each). {@code
   * requestTimeout} bounds how long the run waits for the last answers.
   */
  public static Result run(
      Transport transport,
      int requests,
      double ratePerSecond,
      int concurrency,
      Duration requestTimeout)
      throws InterruptedException {
    long[] latencyNanos = new long[requests];
    String[] outcome = new String[requests];
    String[] error = new String[requests];
    AtomicInteger next = new AtomicInteger();
    long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
    long spinNanos = Math.min(MAX_SPIN_NANOS, intervalNanos / 5);
    long start = System.nanoTime();
    Runnable sender =
        () -> {
          try (Connection connection = transport.open()) {
            int i;
            while ((i = next.getAndIncrement()) < requests
                && !Thread.currentThread().isInterrupted()) {
              long scheduled = start + i * intervalNanos;
              waitUntil(scheduled, spinNanos);
              String result;
              try {
                result = Integer.toString(connection.post("warmup-" + i));
              } catch (IOException e) {
                result = "io";
                error[i] = describe(e);
              }
              latencyNanos[i] = System.nanoTime() - scheduled;
              outcome[i] = result;
            }
          }
        };
    Thread[] threads = new Thread[Math.max(1, Math.min(concurrency, requests))];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(sender, "warmup-sender-" + t);
      threads[t].setDaemon(true);
      threads[t].start();
    }
    long deadline =
        start + (requests * intervalNanos) + requestTimeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
    for (Thread t : threads) {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
    for (Thread t : threads) {
      t.interrupt();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> outcomes = new TreeMap<>();
    int ok = 0;
    int firstFailure = -1;
    String firstError = null;
    long[] latencies = new long[requests];
    // Copies: a sender that missed the deadline may still write into the shared arrays.
    String[] finalOutcomes = new String[requests];
    for (int i = 0; i < requests; i++) {
      String o = outcome[i];
      long latency = latencyNanos[i];
      if (o == null) {
        o = "unfinished";
        latency = Math.max(0, System.nanoTime() - (start + i * intervalNanos));
      }
      latencies[i] = latency;
      finalOutcomes[i] = o;
      outcomes.merge(o, 1, Integer::sum);
      if ("200".equals(o)) {
        ok++;
      } else if (firstFailure < 0) {
        firstFailure = i;
      }
      if (firstError == null && error[i] != null) {
        firstError = error[i];
      }
    }
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Result(
        requests,
        ok,
        outcomes,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted[sorted.length - 1] / 1e6,
        elapsed,
        latencies,
        finalOutcomes,
        firstFailure,
        firstError);
  }

  /** What went wrong, without a stack trace: "ConnectException: Connection refused". */
  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /**
   * The JDK's {@link HttpURLConnection}: keep-alive (the JVM keeps up to {@code
   * http.maxConnections} idle connections per server, 5 by default), http and https.
   */
  private static final class JdkConnection implements Connection {
    private final URL endpoint;
    private final byte[] body;
    private final int connectMillis;
    private final int readMillis;

    JdkConnection(URL endpoint, byte[] body, Duration connectTimeout, Duration readTimeout) {
      this.endpoint = endpoint;
      this.body = body;
      this.connectMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
      this.readMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    }

    @Override
    public int post(String requestId) throws IOException {
      HttpURLConnection c = (HttpURLConnection) endpoint.openConnection();
      c.setConnectTimeout(connectMillis);
      c.setReadTimeout(readMillis);
      c.setInstanceFollowRedirects(false);
      c.setUseCaches(false);
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      // Streaming mode: the body is written once and never re-sent behind our back.
      c.setFixedLengthStreamingMode(body.length);
      c.setRequestProperty("Content-Type", "application/json");
      c.setRequestProperty("Accept", "application/json");
      c.setRequestProperty("X-Request-Id", requestId);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
      int status = c.getResponseCode();
      // Read to the end so that the connection goes back to the keep-alive cache.
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      if (in != null) {
        try (in) {
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
      return status;
    }

    @Override
    public void close() {
      // connections stay in the JVM's keep-alive cache, which closes them when idle
    }
  }

  private static void waitUntil(long deadline, long spinNanos) {
    long left;
    while ((left = deadline - System.nanoTime()) > spinNanos) {
      LockSupport.parkNanos(left - spinNanos);
    }
    while (deadline - System.nanoTime() > 0) {
      Thread.onSpinWait();
    }
  }

  /** Nearest-rank percentile of sorted nanosecond samples, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
