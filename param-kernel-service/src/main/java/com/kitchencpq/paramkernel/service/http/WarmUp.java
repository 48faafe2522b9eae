package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    int connections = ApplyDeltaServer.eventLoops();
    ExecutorService executor = Executors.newFixedThreadPool(1, r -> {
      Thread t = new Thread(r, "warm-up-client");
      t.setDaemon(true);
      return t;
    });
    // The JDK client: calling the Vert.x client from a thread outside Vert.x lost an occasional
    // response in the load tests, which here would fail the start-up.
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(executor)
        .build();
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://" + host + ":" + server.port() + Routes.APPLY_DELTA))
        .header("Content-Type", "application/json")
        .header(RequestHandler.WARMUP_HEADER, server.warmupToken())
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
        .build();
    try {
      int sent = 0;
      long deadline = System.nanoTime() + HTTP_BUDGET.toNanos();
      // All requests, or as many as fit in the budget but at least a few per connection.
      while (sent < httpRequests
          && (sent < MIN_HTTP_PER_CONNECTION * connections || System.nanoTime() < deadline)) {
        // A few requests at a time, one per connection.
        List<CompletableFuture<HttpResponse<Void>>> batch = new ArrayList<>();
        for (int i = 0; i < connections && sent < httpRequests; i++, sent++) {
          batch.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> f : batch) {
          int status = f.get(60, TimeUnit.SECONDS).statusCode();
          if (status != 200) {
            throw new IllegalStateException(
                "a warm-up request over HTTP was answered with status " + status);
          }
        }
      }
      return sent;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("a warm-up request over HTTP failed: "
          + ApplyDeltaServer.rootMessage(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the warm-up", e);
    } finally {
      executor.shutdownNow();
    }
  }
}
