package com.kitchencpq.paramkernel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code prometheus} started for one test: a free loopback port, a generated configuration
 * (1 s scrape interval unless given), temporary storage. Scrape targets carry the {@code service},
 * {@code namespace}, {@code pod} and (when given) {@code rollouts_pod_template_hash} labels the way
 * Kubernetes endpoint discovery plus the rollout bundle's ServiceMonitor relabelings set them, so
 * the analysis queries run unchanged against it. A pod behind two Services is two targets, as the
 * ServiceMonitor scrapes it once per Service.
 */
public final class LocalPrometheus implements AutoCloseable {
  private static final Pattern UP_SAMPLE = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");

  /**
   * A scrape target and the Kubernetes labels it should get.
   *
   * @param podTemplateHash the pod's {@code rollouts-pod-template-hash} label, or null
   */
  public record Target(
      String hostPort, String service, String namespace, String pod, String podTemplateHash) {
    public Target {
      if (!hostPort.startsWith("127.0.0.1:") && !hostPort.startsWith("localhost:")) {
        throw new IllegalArgumentException("test targets must be on loopback: " + hostPort);
      }
    }

    /** A target whose pod has no pod-template hash. */
    public Target(String hostPort, String service, String namespace, String pod) {
      this(hostPort, service, namespace, pod, null);
    }
  }

  private final Path dir;
  private final ManagedProcess process;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalPrometheus(Path dir, ManagedProcess process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  /** Starts Prometheus scraping {@code targets} every second and waits until it is ready. */
  public static LocalPrometheus start(List<Target> targets) {
    return start(targets, Duration.ofSeconds(1));
  }

  /**
   * Starts Prometheus scraping {@code targets} at {@code scrapeInterval} and waits until it is
   * ready.
   */
  public static LocalPrometheus start(List<Target> targets, Duration scrapeInterval) {
    return start(targets, scrapeInterval, null);
  }

  /**
   * Starts Prometheus on a storage that already holds {@code history}: samples in the OpenMetrics
   * text format with timestamps (ending with {@code # EOF}), written into blocks with {@code
   * promtool tsdb create-blocks-from openmetrics} before Prometheus starts, so that queries at past
   * instants find exactly these values. The retention is then 30 days, so Prometheus keeps history
   * of up to that age.
   */
  public static LocalPrometheus startWithHistory(
      String history, List<Target> targets, Duration scrapeInterval) {
    return start(targets, scrapeInterval, history);
  }

  private static LocalPrometheus start(
      List<Target> targets, Duration scrapeInterval, String history) {
    Path binary = TestBinaries.require("prometheus", "prometheus");
    Path dir = TempDirs.create("pk-prometheus-");
    try {
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(config, config(targets, scrapeInterval), StandardCharsets.UTF_8);
      Path data = Files.createDirectories(dir.resolve("data"));
      if (history != null) {
        try {
          backfill(history, dir, data);
        } catch (RuntimeException e) {
          TempDirs.deleteQuietly(dir);
          throw e;
        }
      }
      int port = FreePorts.loopback();
      ManagedProcess p =
          ManagedProcess.start(
              "prometheus",
              List.of(
                  binary.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + data,
                  "--storage.tsdb.retention.time=" + (history == null ? "1h" : "30d"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--log.level=warn"),
              dir,
              dir.resolve("prometheus.log"));
      LocalPrometheus prom = new LocalPrometheus(dir, p, port);
      try {
        p.awaitReady(prom::isReady, Duration.ofSeconds(30), "/-/ready");
      } catch (RuntimeException e) {
        prom.close();
        throw e;
      }
      return prom;
    } catch (IOException e) {
      TempDirs.deleteQuietly(dir);
      throw new UncheckedIOException(e);
    }
  }

  private static void backfill(String history, Path dir, Path data) throws IOException {
    Path promtool = TestBinaries.require("promtool", "prometheus");
    Path input = dir.resolve("history.om");
    Files.writeString(input, history, StandardCharsets.UTF_8);
    Path log = dir.resolve("promtool.log");
    Process p =
        new ProcessBuilder(
                promtool.toString(),
                "tsdb",
                "create-blocks-from",
                "openmetrics",
                input.toString(),
                data.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("promtool did not finish the backfill within 60 s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the backfill", e);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "promtool could not backfill the history (exit "
              + p.exitValue()
              + "): "
              + Files.readString(log, StandardCharsets.UTF_8));
    }
  }

  static String config(List<Target> targets, Duration scrapeInterval) {
    long seconds = Math.max(1, scrapeInterval.toSeconds());
    StringBuilder sb = new StringBuilder();
    sb.append("global:\n  scrape_interval: ")
        .append(seconds)
        .append("s\n  scrape_timeout: ")
        .append(Math.min(seconds, 10))
        .append("s\n  evaluation_interval: ")
        .append(seconds)
        .append("s\n");
    sb.append("scrape_configs:\n  - job_name: param-kernel\n    metrics_path: /metrics\n");
    sb.append("    static_configs:").append(targets.isEmpty() ? " []" : "").append('\n');
    for (Target t : targets) {
      sb.append("      - targets: ['").append(t.hostPort()).append("']\n");
      sb.append("        labels:\n");
      sb.append("          __meta_kubernetes_namespace: '").append(t.namespace()).append("'\n");
      sb.append("          __meta_kubernetes_service_name: '").append(t.service()).append("'\n");
      sb.append("          __meta_kubernetes_pod_name: '").append(t.pod()).append("'\n");
      if (t.podTemplateHash() != null) {
        sb.append("          __meta_kubernetes_pod_label_rollouts_pod_template_hash: '")
            .append(t.podTemplateHash())
            .append("'\n");
      }
    }
    sb.append("    relabel_configs:\n");
    sb.append("      - {source_labels: [__meta_kubernetes_namespace], target_label: namespace}\n");
    sb.append("      - {source_labels: [__meta_kubernetes_service_name], target_label: service}\n");
    sb.append("      - {source_labels: [__meta_kubernetes_pod_name], target_label: pod}\n");
    sb.append(
        "      - {source_labels: [__meta_kubernetes_pod_label_rollouts_pod_template_hash],"
            + " target_label: rollouts_pod_template_hash}\n");
    return sb.toString();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The directory holding configuration, storage and log; removed by {@link #close()}. */
  public Path directory() {
    return dir;
  }

  private boolean isReady() {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits until every configured target has been scraped successfully ({@code up == 1}). Prometheus
   * applies discovered targets on a 5 s tick, so this takes a few seconds.
   */
  public void awaitTargetsUp(int expectedTargets, Duration timeout) {
    process.awaitReady(
        () -> {
          List<String> ups = upValues();
          return ups.size() >= expectedTargets && ups.stream().allMatch("1"::equals);
        },
        timeout,
        expectedTargets + " target(s) up");
  }

  private List<String> upValues() {
    try {
      String body = query("up");
      Matcher m = UP_SAMPLE.matcher(body);
      List<String> values = new ArrayList<>();
      while (m.find()) {
        values.add(m.group(1));
      }
      return values;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** Runs an instant query and returns the raw JSON answer; non-200 answers throw. */
  public String query(String promql) {
    String form = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url() + "/api/v1/query"))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "query " + promql + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException("query " + promql + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public String logTail() {
    return process.logTail();
  }

  /**
   * The Prometheus process id, for a stop from another class loader ({@link #stop(long, Path)}).
   */
  public long pid() {
    return process.pid();
  }

  /**
   * Stops the Prometheus process {@code pid} and removes its {@code directory}: the stop of an
   * instance that another class loader started (an invoker case's hook scripts).
   */
  public static void stop(long pid, Path directory) {
    ProcessHandle.of(pid)
        .ifPresent(
            handle -> {
              handle.destroy();
              try {
                handle.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
              } catch (Exception e) {
                handle.destroyForcibly();
              }
            });
    TempDirs.deleteQuietly(directory);
  }

  @Override
  public void close() {
    process.close();
    TempDirs.deleteQuietly(dir);
  }
}
