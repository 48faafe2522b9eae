package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaException;
import com.kitchencpq.paramkernel.service.warmup.LoopbackConnection;
import com.kitchencpq.paramkernel.service.warmup.WarmupRun;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Start-up warm-up, in two phases. The kernel phase runs a representative request through the
 * kernel in-process; the HTTP phase then sends loopback requests so that the server's own path
 * (Netty pipeline, handler, metrics) is loaded and compiled too. Warm-up requests are not counted
 * in the metrics. (Running the kernel phase on a second thread while the server starts was tried
 * and made both slower: the JIT compiler threads need that core.)
 *
 * <p>Both phases end on time budgets, not on a plateau of the time per run: that time keeps falling
 * for thousands of runs while the JIT works through the kernel (see benchmarks/http-load.md), so a
 * plateau seen early is usually a pause, not the end.
 */
public final class WarmUp {
  /** What the warm-up did, for the "ready" log line. */
  public record Report(int kernelRuns, long kernelMillis, int httpRequests, long httpMillis) {}

  private static final int BATCH = 50;
  private static final int MIN_HTTP_PER_CONNECTION = 10;
  private static final int HTTP_BATCH = 100;

  /** A rate no sender reaches: requests go out as fast as the connections allow. */
  private static final double UNPACED = 1e9;

  private final int minKernelRuns;
  private final int maxKernelRuns;
  private final Duration kernelBudget;
  private final int httpRequests;
  private final Duration httpBudget;

  /**
   * @param minKernelRuns runs done whatever the time
   * @param maxKernelRuns runs after which the kernel phase stops
   * @param kernelBudget time after which the kernel phase stops (once the minimum is done)
   * @param httpRequests most loopback requests sent afterwards
   * @param httpBudget time after which no further loopback requests are sent (once at least a few
   *     went over each connection)
   */
  public WarmUp(
      int minKernelRuns,
      int maxKernelRuns,
      Duration kernelBudget,
      int httpRequests,
      Duration httpBudget) {
    this.minKernelRuns = minKernelRuns;
    this.maxKernelRuns = maxKernelRuns;
    this.kernelBudget = kernelBudget;
    this.httpRequests = httpRequests;
    this.httpBudget = httpBudget;
  }

  /** The settings the service uses (see docs/runtime.md for the measured start-to-ready time). */
  public static WarmUp standard() {
    return new WarmUp(150, 50_000, Duration.ofMillis(350), 5_000, Duration.ofMillis(300));
  }

  /**
   * Warms up with {@code payload} and {@code smallPayload} (requests the kernel answers with 200):
   * the kernel phase runs {@code payload} on the calling thread; the HTTP phase sends {@code
   * payload} over one connection and {@code smallPayload} over the others, so that the server's
   * per-request code runs many times for little kernel work, while the large body's path (several
   * reads per body) is exercised too.
   *
   * @throws IllegalStateException when the kernel or the server does not answer 200
   */
  public Report run(
      ApplyDeltaServer server, KernelFunction kernel, byte[] payload, byte[] smallPayload) {
    long t0 = System.nanoTime();
    int kernelRuns;
    try {
      kernelRuns = runKernel(kernel, payload, t0 + kernelBudget.toNanos());
    } catch (ApplyDeltaException e) {
      throw new IllegalStateException(
          "the warm-up request was rejected by the kernel: "
              + ErrorStatus.of(e.kind())
              + " "
              + e.code()
              + " at \""
              + e.pointer()
              + "\": "
              + e.getMessage(),
          e);
    }
    long t1 = System.nanoTime();
    int sentOverHttp = httpRequests > 0 ? loopback(server, payload, smallPayload) : 0;
    long t2 = System.nanoTime();
    return new Report(kernelRuns, (t1 - t0) / 1_000_000, sentOverHttp, (t2 - t1) / 1_000_000);
  }

  private int runKernel(KernelFunction kernel, byte[] payload, long budgetEnd)
      throws ApplyDeltaException {
    int runs = 0;
    while (runs < maxKernelRuns && (runs < minKernelRuns || System.nanoTime() < budgetEnd)) {
      for (int i = 0; i < BATCH; i++) {
        kernel.apply(payload);
      }
      runs += BATCH;
    }
    return runs;
  }

  private int loopback(ApplyDeltaServer server, byte[] payload, byte[] smallPayload) {
    String host = server.config().host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    String loopbackHost = host;
    // Two connections per event loop, so that each loop also sees a request arrive while it
    // is busy with another.
    int connections = 2 * ApplyDeltaServer.eventLoops();
    Map<String, String> headers = Map.of(RequestHandler.WARMUP_HEADER, server.warmupToken());
    try {
      int sent = 0;
      long deadline = System.nanoTime() + httpBudget.toNanos();
      // All requests, or as many as fit in the budget but at least a few per connection.
      while (sent < httpRequests
          && (sent < MIN_HTTP_PER_CONNECTION * connections || System.nanoTime() < deadline)) {
        int batch = Math.min(HTTP_BATCH, httpRequests - sent);
        AtomicInteger opened = new AtomicInteger();
        WarmupRun.Result r =
            WarmupRun.run(
                () ->
                    new LoopbackConnection(
                        loopbackHost,
                        server.port(),
                        opened.getAndIncrement() == 0 ? payload : smallPayload,
                        headers),
                batch,
                UNPACED,
                connections,
                Duration.ofSeconds(30));
        sent += batch;
        if (r.failed() > 0) {
          throw new IllegalStateException(
              "a warm-up request over HTTP was not answered 200: " + r.outcomes());
        }
      }
      return sent;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the warm-up", e);
    }
  }
}
