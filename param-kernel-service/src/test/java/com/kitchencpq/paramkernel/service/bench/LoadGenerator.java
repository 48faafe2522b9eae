package com.kitchencpq.paramkernel.service.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
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

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

  /** Runs {@code requests} POSTs of {@code body} to {@code host:port path} at {@code rate}/s. */
  public Result run(String host, int port, String path, byte[] body, double rate, int requests,
      int connections) throws InterruptedException {
    HttpClient client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host)
        .setPort(port).setURI(path).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .setIdleTimeout(10_000);
    Buffer payload = Buffer.buffer(body);
    Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicLong errors = new AtomicLong();
    AtomicLong firstError = new AtomicLong(-1);
    CountDownLatch done = new CountDownLatch(requests);
    long periodNanos = (long) (1e9 / rate);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
    for (int i = 0; i < requests; i++) {
      long due = start + i * periodNanos;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      final int index = i;
      client.request(options)
          .compose(req -> req.send(payload))
          .compose(resp -> resp.body().map(b -> resp.statusCode()))
          .onComplete(ar -> {
            long micros = (System.nanoTime() - due) / 1000;
            synchronized (latency) {
              latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
            }
            if (ar.failed() || ar.result() != 200) {
              errors.incrementAndGet();
              firstError.compareAndSet(-1, index);
            }
            done.countDown();
          });
    }
    long unanswered = 0;
    if (!done.await(30, TimeUnit.SECONDS)) {
      unanswered = done.getCount(); // counted as errors; their latency is unknown
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    client.close().await();
    return new Result(rate, requests, connections, errors.get() + unanswered, firstError.get(),
        requests / seconds, latency);
  }

  @Override
  public void close() {
    vertx.close().await();
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
