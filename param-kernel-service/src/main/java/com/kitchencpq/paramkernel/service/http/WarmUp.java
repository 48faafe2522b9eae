package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up warm-up: runs a representative request through the kernel in-process until the JIT
 * has compiled the hot path, then sends a few loopback HTTP requests so that the server's own
 * path (Netty pipeline, handler, metrics) is loaded and compiled too. Warm-up requests are not
 * counted in the metrics.
 */
public final class WarmUp {
  /** What the warm-up did, for the "ready" log line. */
  public record Report(int kernelRuns, long kernelMillis, int httpRequests, long httpMillis) {}

  private static final int BATCH = 50;
  private static final int STABLE_BATCHES = 5;
  private static final Duration HTTP_BUDGET = Duration.ofMillis(400);
  private static final int MIN_HTTP_PER_CONNECTION = 10;

  private final int minKernelRuns;
  private final int maxKernelRuns;
  private final Duration kernelBudget;
  private final int httpRequests;

  /**
   * @param minKernelRuns runs done whatever the time
   * @param maxKernelRuns runs after which the kernel phase stops
   * @param kernelBudget time after which the kernel phase stops (once the minimum is done)
   * @param httpRequests loopback requests sent afterwards
   */
  public WarmUp(int minKernelRuns, int maxKernelRuns, Duration kernelBudget, int httpRequests) {
    this.minKernelRuns = minKernelRuns;
    this.maxKernelRuns = maxKernelRuns;
    this.kernelBudget = kernelBudget;
    this.httpRequests = httpRequests;
  }

  /** The settings the service uses (see docs/runtime.md for the measured start-to-ready time). */
  public static WarmUp standard() {
    return new WarmUp(300, 20_000, Duration.ofMillis(1200), 200);
  }

  /**
   * Warms up with {@code payload} (a request the kernel answers with 200). The kernel phase
   * runs in batches and also stops early once the time per run has stopped improving for a few
   * batches in a row (the JIT has compiled what it is going to compile).
   *
   * @throws IllegalStateException when the kernel or the server does not answer 200
   */
  public Report run(ApplyDeltaServer server, KernelFunction kernel, byte[] payload) {
    long t0 = System.nanoTime();
    long budgetEnd = t0 + kernelBudget.toNanos();
    int runs = 0;
    long best = Long.MAX_VALUE;
    int stable = 0;
    try {
      while (runs < maxKernelRuns) {
        long b0 = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
          kernel.apply(payload);
        }
        long took = System.nanoTime() - b0;
        runs += BATCH;
        if (took < best - best / 10) {
          best = took;
          stable = 0;
        } else {
          stable++;
        }
        boolean enough = runs >= minKernelRuns;
        if (enough && (stable >= STABLE_BATCHES || System.nanoTime() >= budgetEnd)) {
          break;
        }
      }
    } catch (ApplyDeltaException e) {
      throw new IllegalStateException("the warm-up request was rejected by the kernel: "
          + e.status() + " " + e.code() + " at \"" + e.pointer() + "\": " + e.getMessage(), e);
    }
    long t1 = System.nanoTime();
    int sentOverHttp = httpRequests > 0 ? loopback(server, payload) : 0;
    long t2 = System.nanoTime();
    return new Report(runs, (t1 - t0) / 1_000_000, sentOverHttp, (t2 - t1) / 1_000_000);
  }

  private int loopback(ApplyDeltaServer server, byte[] payload) {
    String host = server.config().host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    int connections = ApplyDeltaServer.eventLoops();
    HttpClient client = server.vertx().createHttpClient(
        new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections));
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setHost(host)
        .setPort(server.port())
        .setURI(Routes.APPLY_DELTA)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(RequestHandler.WARMUP_HEADER, server.warmupToken());
    Buffer body = Buffer.buffer(payload);
    try {
      int sent = 0;
      long deadline = System.nanoTime() + HTTP_BUDGET.toNanos();
      // All requests, or as many as fit in the budget but at least a few per connection.
      while (sent < httpRequests
          && (sent < MIN_HTTP_PER_CONNECTION * connections || System.nanoTime() < deadline)) {
        // A few requests at a time, one per connection.
        List<Future<Integer>> batch = new ArrayList<>();
        for (int i = 0; i < connections && sent < httpRequests; i++, sent++) {
          batch.add(client.request(options)
              .compose(req -> req.send(body))
              .compose(resp -> resp.body().map(b -> resp.statusCode())));
        }
        for (Future<Integer> f : batch) {
          int status = ApplyDeltaServer.await(f, Duration.ofSeconds(10));
          if (status != 200) {
            throw new IllegalStateException(
                "a warm-up request over HTTP was answered with status " + status);
          }
        }
      }
      return sent;
    } finally {
      ApplyDeltaServer.await(client.close(), Duration.ofSeconds(5));
    }
  }
}
