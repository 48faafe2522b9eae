package com.kitchencpq.paramkernel.service.warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a fixed number of ApplyDelta requests at a fixed rate with a bounded number in flight,
 * and measures each one from the moment it was <em>scheduled</em> to be sent, so a slow server
 * that holds back later requests is charged for the wait (no coordinated omission).
 */
public final class WarmupRun {

  /**
   * What one run observed. Percentiles in milliseconds; outcomes by status code ("io" for no
   * answer, "unfinished" for none in time); every request's latency in nanoseconds, in send
   * order; the index of the first request that did not answer 200, or -1.
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
      int firstFailure) {

    public int failed() {
      return requests - succeeded;
    }
  }

  private final HttpClient client;
  private final ExecutorService workers;

  public WarmupRun(int concurrency, Duration connectTimeout) {
    this.workers = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "warmup-worker");
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .executor(workers)
        .build();
  }

  /** Runs the profile against {@code target + /v1/apply-delta} with {@code body}. */
  public Result run(URI target, byte[] body, int requests, double ratePerSecond, int concurrency,
      Duration requestTimeout) throws InterruptedException {
    URI endpoint = URI.create(target + "/v1/apply-delta");
    long[] latencyNanos = new long[requests];
    String[] outcome = new String[requests];
    Semaphore inFlight = new Semaphore(concurrency);
    AtomicInteger done = new AtomicInteger();
    Object finished = new Object();
    long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      long scheduled = start + i * intervalNanos;
      long wait;
      while ((wait = scheduled - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      int index = i;
      HttpRequest request = HttpRequest.newBuilder(endpoint)
          .timeout(requestTimeout)
          .header("Content-Type", "application/json")
          .header("X-Request-Id", "warmup-" + index)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
        latencyNanos[index] = System.nanoTime() - scheduled;
        outcome[index] = err != null ? "io" : Integer.toString(resp.statusCode());
        inFlight.release();
        if (done.incrementAndGet() == requests) {
          synchronized (finished) {
            finished.notifyAll();
          }
        }
      });
    }
    long deadline = System.nanoTime() + requestTimeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
    synchronized (finished) {
      while (done.get() < requests) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(finished, left);
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> outcomes = new TreeMap<>();
    int ok = 0;
    int firstFailure = -1;
    for (int i = 0; i < requests; i++) {
      String o = outcome[i] == null ? "unfinished" : outcome[i];
      outcomes.merge(o, 1, Integer::sum);
      if ("200".equals(o)) {
        ok++;
      } else if (firstFailure < 0) {
        firstFailure = i;
      }
      if (outcome[i] == null) {
        latencyNanos[i] = System.nanoTime() - (start + i * intervalNanos);
      }
    }
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    return new Result(requests, ok, outcomes,
        percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
        sorted[sorted.length - 1] / 1e6, elapsed, latencyNanos, firstFailure);
  }

  /** Nearest-rank percentile of sorted nanosecond samples, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  /** Releases the client's threads. */
  public void close() {
    workers.shutdownNow();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
