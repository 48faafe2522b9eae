package com.kitchencpq.paramkernel.plugin.analyze.gate;

import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What reaches the pods of one scenario, as in the cluster: client ApplyDelta requests at a steady
 * rate spread over the pods the client Service selects (open loop: a request is sent when it is
 * due, whether or not earlier ones were answered), and the kubelet's probes of each pod (readiness
 * every 2 s, liveness every 10 s: the bundle's probe periods). Prometheus' scrapes come from
 * Prometheus itself.
 */
final class Traffic implements AutoCloseable {
  private static final Duration READINESS_PERIOD = Duration.ofSeconds(2);
  private static final Duration LIVENESS_PERIOD = Duration.ofSeconds(10);

  private final HttpClient client;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService clientThreads;
  private final byte[] body = BaselinePayload.request();
  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

  private Traffic(
      HttpClient client, ScheduledExecutorService scheduler, ExecutorService clientThreads) {
    this.clientThreads = clientThreads;
    this.client = client;
    this.scheduler = scheduler;
  }

  /**
   * Starts the probes of every pod and, when {@code apiRatePerSecond} is positive, client requests
   * at that rate in total, round robin over those of {@code clientPods} that are still running.
   */
  static Traffic start(
      String scenario,
      List<ServiceInstance> pods,
      List<ServiceInstance> clientPods,
      double apiRatePerSecond) {
    ScheduledExecutorService scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "gate-traffic-" + scenario);
              t.setDaemon(true);
              return t;
            });
    ExecutorService clientThreads =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "gate-client-" + scenario);
              t.setDaemon(true);
              return t;
            });
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(clientThreads)
            .build();
    Traffic traffic = new Traffic(client, scheduler, clientThreads);
    for (ServiceInstance pod : pods) {
      scheduler.scheduleAtFixedRate(
          () -> traffic.probe(pod, "/healthz/ready"),
          0,
          READINESS_PERIOD.toMillis(),
          TimeUnit.MILLISECONDS);
      scheduler.scheduleAtFixedRate(
          () -> traffic.probe(pod, "/healthz/live"),
          0,
          LIVENESS_PERIOD.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    if (apiRatePerSecond > 0) {
      long periodNanos = (long) (1e9 / apiRatePerSecond);
      AtomicLong sent = new AtomicLong();
      scheduler.scheduleAtFixedRate(
          () -> {
            List<ServiceInstance> running = clientPods.stream().filter(p -> !p.stopped()).toList();
            if (!running.isEmpty()) {
              traffic.apply(running.get((int) (sent.getAndIncrement() % running.size())));
            }
          },
          0,
          periodNanos,
          TimeUnit.NANOSECONDS);
    }
    return traffic;
  }

  private void probe(ServiceInstance pod, String path) {
    if (pod.stopped()) {
      return;
    }
    client.sendAsync(
        HttpRequest.newBuilder(URI.create(pod.baseUrl() + path))
            .timeout(Duration.ofSeconds(1))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private void apply(ServiceInstance pod) {
    client
        .sendAsync(
            HttpRequest.newBuilder(URI.create(pod.baseUrl() + "/v1/apply-delta"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (r, e) ->
                outcomes
                    .computeIfAbsent(
                        e != null ? "error" : Integer.toString(r.statusCode()),
                        k -> new AtomicLong())
                    .incrementAndGet());
  }

  /** Client-side outcomes of the API requests so far: status code (or "error") to count. */
  Map<String, Long> outcomes() {
    Map<String, Long> out = new java.util.TreeMap<>();
    outcomes.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    clientThreads.shutdownNow();
  }
}
