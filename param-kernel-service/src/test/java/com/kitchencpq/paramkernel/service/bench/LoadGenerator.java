package com.kitchencpq.paramkernel.service.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-loop HTTP load: request i is due at start + i / rate whatever happened before, at most
 * {@code connections} requests are on the wire, and each latency is measured from the due
 * time, not from the moment the request could be sent. A slow server therefore shows up in the
 * numbers instead of quietly lowering the offered load (coordinated omission).
 *
 * <p>Not a test. Usage: {@code LoadGenerator <url> <rate/s> <requests> <connections> <body.json>}
 */
public final class LoadGenerator implements AutoCloseable {
  /** What one run measured; latencies in microseconds. */
  public record Result(double rate, int requests, int connections, long errors, long firstError,
      double achievedRate, Histogram latencyMicros) {

    public String summary() {
      Histogram h = latencyMicros;
      return String.format(
          "rate %.0f/s requests %d connections %d errors %d achieved %.0f/s | ms p50 %.2f p90 %.2f p95 %.2f p99 %.2f p99.9 %.2f max %.2f",
          rate, requests, connections, errors, achievedRate, ms(h, 50), ms(h, 90), ms(h, 95),
          ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0);
    }

    public static double ms(Histogram h, double percentile) {
      return h.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "load-client");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .executor(executor)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /**
   * Runs {@code requests} POSTs of {@code body} to {@code host:port path} at {@code rate}/s with
   * at most {@code connections} requests open at once (java.net.http keeps one connection per
   * open request and reuses it).
   */
  public Result run(String host, int port, String path, byte[] body, double rate, int requests,
      int connections) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicLong errors = new AtomicLong();
    AtomicLong firstError = new AtomicLong(-1);
    Semaphore open = new Semaphore(connections);
    CountDownLatch done = new CountDownLatch(requests);
    long periodNanos = (long) (1e9 / rate);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
    for (int i = 0; i < requests; i++) {
      long due = start + i * periodNanos;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      // When all connections are busy the request waits here; its latency still counts from
      // its due time, and later requests keep their own due times.
      open.acquire();
      final int index = i;
      client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((resp, err) -> {
        long micros = (System.nanoTime() - due) / 1000;
        open.release();
        synchronized (latency) {
          latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
        }
        if (err != null || resp.statusCode() != 200) {
          errors.incrementAndGet();
          firstError.compareAndSet(-1, index);
        }
        done.countDown();
      });
    }
    long unanswered = 0;
    if (!done.await(60, TimeUnit.SECONDS)) {
      unanswered = done.getCount(); // counted as errors; their latency is unknown
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(rate, requests, connections, errors.get() + unanswered, firstError.get(),
        requests / seconds, latency);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: LoadGenerator <http://host:port/path> <rate/s> <requests> <connections> <body.json>");
      System.exit(2);
    }
    java.net.URI uri = java.net.URI.create(args[0]);
    try (LoadGenerator gen = new LoadGenerator()) {
      Result r = gen.run(uri.getHost(), uri.getPort(), uri.getPath(), Files.readAllBytes(Path.of(args[4])),
          Double.parseDouble(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      System.out.println(r.summary());
    }
  }
}
