package com.kitchencpq.paramkernel.plugin.analyze.gate;

import com.kitchencpq.paramkernel.testkit.FreePorts;
import com.kitchencpq.paramkernel.testkit.LocalPrometheus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The cluster the gate-efficacy suite stands in for: per scenario a canary pod and a stable pod of
 * the real service, the client Service's traffic and the kubelet's probes, and one real Prometheus
 * (Debian's, the test kit's) scraping every pod the way the bundle's ServiceMonitor does: every 15
 * s, the canary pod once through the canary Service and once through the client Service, the stable
 * pod through the client Service, each series labelled with service, namespace, pod and
 * rollouts_pod_template_hash.
 */
final class GateLab implements AutoCloseable {
  static final String CLIENT_SERVICE = "param-kernel-service";
  static final String CANARY_SERVICE = "param-kernel-service-canary";
  static final String CANARY_HASH = "5f7c9b8d4";
  static final String STABLE_HASH = "6d8b7c5f9";

  /** The bundle's ServiceMonitor interval. */
  static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);

  /** The pods and traffic of one scenario. */
  record Pods(Scenario scenario, ServiceInstance canary, ServiceInstance stable, Traffic traffic) {}

  private final Map<String, Pods> pods;
  private final LocalPrometheus prometheus;
  private final ScheduledExecutorService stopper;
  private final long startNanos;

  private GateLab(
      Map<String, Pods> pods, LocalPrometheus prometheus, ScheduledExecutorService stopper) {
    this.pods = pods;
    this.prometheus = prometheus;
    this.stopper = stopper;
    this.startNanos = System.nanoTime();
  }

  /**
   * Starts every scenario's pods, Prometheus, then the traffic; returns once all targets are up.
   */
  static GateLab start(List<Scenario> scenarios) {
    Map<String, Pods> pods = new LinkedHashMap<>();
    List<LocalPrometheus.Target> targets = new ArrayList<>();
    List<AutoCloseable> started = new ArrayList<>();
    try {
      long seed = 1;
      for (Scenario s : scenarios) {
        ServiceInstance canary =
            ServiceInstance.start(s.name() + "-canary", CANARY_HASH, s.canary(), seed++);
        started.add(canary);
        ServiceInstance stable =
            ServiceInstance.start(s.name() + "-stable", STABLE_HASH, s.stable(), seed++);
        started.add(stable);
        String ns = s.namespace();
        targets.add(
            new LocalPrometheus.Target(
                canary.hostPort(), CANARY_SERVICE, ns, canary.name, CANARY_HASH));
        targets.add(
            new LocalPrometheus.Target(
                canary.hostPort(), CLIENT_SERVICE, ns, canary.name, CANARY_HASH));
        targets.add(
            new LocalPrometheus.Target(
                stable.hostPort(), CLIENT_SERVICE, ns, stable.name, STABLE_HASH));
        pods.put(s.name(), new Pods(s, canary, stable, null));
      }
      LocalPrometheus prometheus = LocalPrometheus.start(targets, SCRAPE_INTERVAL);
      started.add(prometheus);
      prometheus.awaitTargetsUp(targets.size(), Duration.ofSeconds(60));
      ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor();
      started.add(stopper::shutdownNow);
      Map<String, Pods> running = new LinkedHashMap<>();
      for (Pods p : pods.values()) {
        Scenario s = p.scenario();
        List<ServiceInstance> clientPods =
            s.stableGetsTraffic() ? List.of(p.canary(), p.stable()) : List.of(p.canary());
        Traffic traffic =
            Traffic.start(
                s.name(), List.of(p.canary(), p.stable()), clientPods, s.apiRatePerSecond());
        running.put(s.name(), new Pods(s, p.canary(), p.stable(), traffic));
        started.add(traffic);
        if (s.stopCanaryAfter() != null) {
          stopper.schedule(
              p.canary()::close, s.stopCanaryAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
      }
      return new GateLab(running, prometheus, stopper);
    } catch (RuntimeException | Error e) {
      for (AutoCloseable c : started) {
        try {
          c.close();
        } catch (Exception ignored) {
          // best effort
        }
      }
      throw e;
    }
  }

  LocalPrometheus prometheus() {
    return prometheus;
  }

  /**
   * The Prometheus address the scenario's analysis uses (a dead port when it must be unreachable).
   */
  String prometheusAddress(Scenario s) {
    return s.prometheusUnreachable()
        ? "http://127.0.0.1:" + FreePorts.loopback()
        : prometheus.url();
  }

  Pods pods(String scenario) {
    return pods.get(scenario);
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public void close() {
    stopper.shutdownNow();
    for (Pods p : pods.values()) {
      p.traffic().close();
      p.canary().close();
      p.stable().close();
    }
    prometheus.close();
  }
}
