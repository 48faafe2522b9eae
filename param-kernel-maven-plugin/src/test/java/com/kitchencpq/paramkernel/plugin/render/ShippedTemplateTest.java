package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rollout template the plugin ships (param-kernel-service/src/main/rollout/rollout.yaml, read
 * here from the plugin's classpath) carries the rollout plan's numbers. Any edit that changes a
 * step, a threshold, a limit or a name fails here first.
 */
class ShippedTemplateTest {
  private static final String DIGEST = TemplateRendererTest.DIGEST;
  private static final String IMAGE = "kitchen-cpq/param-kernel-service@" + DIGEST;
  private static final String CANARY = "param-kernel-service-canary";

  /** The client Service, also the name of the Rollout and the ServiceMonitor. */
  private static final String STABLE = "param-kernel-service";

  private static Template template;
  private static RenderedRollout rendered;
  private static List<Map<String, Object>> docs;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void render() throws Exception {
    template = Template.embeddedDefault();
    rendered = new TemplateRenderer().render(template, DIGEST, List.of());
    docs = new ArrayList<>();
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered.text())) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
  }

  // ---- navigation helpers ---------------------------------------------------------------

  private static Object at(Object node, String path) {
    Object current = node;
    for (String part : path.split("\\.")) {
      if (current instanceof List<?> list) {
        current = list.get(Integer.parseInt(part));
      } else if (current instanceof Map<?, ?> map) {
        current = map.get(part);
      } else {
        throw new AssertionError("no " + path + " (stopped at " + part + ")");
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String path) {
    return (Map<String, Object>) Objects.requireNonNull(at(node, path), path);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node, String path) {
    return (List<Object>) Objects.requireNonNull(at(node, path), path);
  }

  private static Map<String, Object> doc(String kind, String name) {
    return docs.stream()
        .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata.name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static Map<String, Object> metric(Map<String, Object> template, String name) {
    return list(template, "spec.metrics").stream()
        .map(ShippedTemplateTest::asMap)
        .filter(m -> name.equals(m.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  /** Argo's duration strings as used here (Go syntax: 1m, 2m30s, 15s). */
  private static Duration goDuration(String s) {
    return Duration.parse("PT" + s.toUpperCase());
  }

  // ---- the bundle -----------------------------------------------------------------------

  @Test
  void bundleHasTheSixDocumentsAllInKitchenCpq() {
    assertThat(docs)
        .extracting(d -> d.get("kind") + "/" + at(d, "metadata.name"))
        .containsExactly(
            "Service/param-kernel-service",
            "Service/param-kernel-service-canary",
            "ServiceMonitor/param-kernel-service",
            "AnalysisTemplate/param-kernel-warmup",
            "AnalysisTemplate/param-kernel-canary-health",
            "Rollout/param-kernel-service");
    assertThat(docs)
        .allSatisfy(d -> assertThat(at(d, "metadata.namespace")).isEqualTo("kitchen-cpq"));
  }

  @Test
  void onlyTheDigestAndThePrometheusAddressArePlaceholders() throws Exception {
    assertThat(PlaceholderScanner.scan(template))
        .extracting(Placeholder::kind, Placeholder::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Placeholder.Kind.DIGEST, "PARAM_KERNEL_IMAGE_DIGEST"),
            org.assertj.core.groups.Tuple.tuple(
                Placeholder.Kind.VARIABLE, "PARAM_KERNEL_PROMETHEUS_ADDRESS"),
            org.assertj.core.groups.Tuple.tuple(
                Placeholder.Kind.VARIABLE, "PARAM_KERNEL_PROMETHEUS_ADDRESS"),
            org.assertj.core.groups.Tuple.tuple(
                Placeholder.Kind.VARIABLE, "PARAM_KERNEL_PROMETHEUS_ADDRESS"),
            org.assertj.core.groups.Tuple.tuple(
                Placeholder.Kind.DIGEST, "PARAM_KERNEL_IMAGE_DIGEST"));
    assertThat(rendered.text()).doesNotContain("${");
  }

  // ---- Rollout --------------------------------------------------------------------------

  @Test
  void rolloutFollowsThePlansStepsExactly() {
    Map<String, Object> canary = map(doc("Rollout", STABLE), "spec.strategy.canary");
    // No router, so no stableService: Argo would pin it to the stable ReplicaSet (see the
    // template's comments and BasicCanaryTrafficTest); the client Service selects every pod.
    assertThat(canary).doesNotContainKeys("stableService", "trafficRouting");
    assertThat(canary.get("canaryService")).isEqualTo(CANARY);

    List<Object> steps = list(canary, "steps");
    assertThat(steps).hasSize(8);
    assertThat(at(steps, "0.setWeight")).isEqualTo(20);
    assertThat(at(steps, "1.pause.duration")).isEqualTo("5m");
    assertThat(asMap(steps.get(2))).containsOnlyKeys("analysis");
    assertThat(at(steps, "3.setWeight")).isEqualTo(50);
    assertThat(at(steps, "4.pause.duration")).isEqualTo("10m");
    assertThat(asMap(steps.get(5))).containsOnlyKeys("analysis");
    assertThat(at(steps, "6.setWeight")).isEqualTo(100);
    assertThat(at(steps, "7.pause.duration")).isEqualTo("5m");

    for (int i : new int[] {2, 5}) {
      Map<String, Object> analysis = map(steps, i + ".analysis");
      assertThat(list(analysis, "templates"))
          .extracting(t -> asMap(t).get("templateName"))
          .containsExactly("param-kernel-warmup", "param-kernel-canary-health");
      assertThat(at(analysis, "args.0.name")).isEqualTo("service-name");
      assertThat(at(analysis, "args.0.value")).isEqualTo(CANARY);
      assertThat(at(analysis, "args.1.name")).isEqualTo("namespace");
      assertThat(at(analysis, "args.1.valueFrom.fieldRef.fieldPath"))
          .isEqualTo("metadata.namespace");
      assertThat(at(analysis, "args.2.name")).isEqualTo("latest-hash");
      assertThat(at(analysis, "args.2.valueFrom.podTemplateHashValue")).isEqualTo("Latest");
      assertThat(at(analysis, "args.3.name")).isEqualTo("stable-hash");
      assertThat(at(analysis, "args.3.valueFrom.podTemplateHashValue")).isEqualTo("Stable");
    }
  }

  @Test
  void rolloutPodIsPinnedProbedAndLockedDown() {
    Map<String, Object> rollout = doc("Rollout", STABLE);
    assertThat(at(rollout, "spec.replicas")).isEqualTo(1);
    Map<String, Object> labels = map(rollout, "spec.template.metadata.labels");
    assertThat(labels).containsAllEntriesOf(map(rollout, "spec.selector.matchLabels"));

    Map<String, Object> pod = map(rollout, "spec.template.spec");
    assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(30);
    assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
    assertThat(at(pod, "securityContext.runAsUser")).isEqualTo(65532);
    assertThat(at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");

    assertThat(list(pod, "containers")).hasSize(1);
    Map<String, Object> c = map(pod, "containers.0");
    assertThat(c.get("name")).isEqualTo(STABLE);
    assertThat(c.get("image")).isEqualTo(IMAGE);
    assertThat(at(c, "ports.0.name")).isEqualTo("http");
    assertThat(at(c, "ports.0.containerPort")).isEqualTo(8080);
    assertThat(at(c, "env.0.name")).isEqualTo("PORT");
    assertThat(at(c, "env.0.value")).isEqualTo("8080");
    assertThat(at(c, "readinessProbe.httpGet.path")).isEqualTo("/healthz/ready");
    assertThat(at(c, "readinessProbe.httpGet.port")).isEqualTo("http");
    assertThat(at(c, "livenessProbe.httpGet.path")).isEqualTo("/healthz/live");
    assertThat(at(c, "livenessProbe.httpGet.port")).isEqualTo("http");
    // Readiness reacts within seconds; liveness never kills a pod before it could have warmed up.
    assertThat((Integer) at(c, "readinessProbe.periodSeconds")).isLessThanOrEqualTo(5);
    assertThat(
            (Integer) at(c, "livenessProbe.initialDelaySeconds")
                + (Integer) at(c, "livenessProbe.periodSeconds")
                    * (Integer) at(c, "livenessProbe.failureThreshold"))
        .isGreaterThan(10);

    assertThat(at(c, "resources.requests.memory")).isEqualTo(at(c, "resources.limits.memory"));
    assertThat(at(c, "resources.limits.memory")).isEqualTo("256Mi");
    assertThat(at(c, "resources.requests.cpu")).isNotNull();
    assertThat(at(c, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(at(c, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(list(c, "securityContext.capabilities.drop")).containsExactly("ALL");
    assertThat(at(c, "volumeMounts.0.mountPath")).isEqualTo("/tmp");
    assertThat(at(pod, "volumes.0.name")).isEqualTo(at(c, "volumeMounts.0.name"));
    assertThat(map(pod, "volumes.0")).containsKey("emptyDir");
  }

  // ---- Services and scraping --------------------------------------------------------------

  @Test
  void servicesSelectTheRolloutsPodsOnPort80ToHttp() {
    Map<String, Object> podLabels = map(doc("Rollout", STABLE), "spec.template.metadata.labels");
    for (String name : List.of(STABLE, CANARY)) {
      Map<String, Object> svc = doc("Service", name);
      // Every pod of the Rollout: Argo adds the canary hash to the canary Service only.
      assertThat(map(svc, "spec.selector"))
          .isEqualTo(map(doc("Rollout", STABLE), "spec.selector.matchLabels"));
      assertThat(podLabels).containsAllEntriesOf(map(svc, "spec.selector"));
      assertThat(at(svc, "spec.ports.0.name")).isEqualTo("http");
      assertThat(at(svc, "spec.ports.0.port")).isEqualTo(80);
      assertThat(at(svc, "spec.ports.0.targetPort")).isEqualTo("http");
    }
  }

  @Test
  void serviceMonitorScrapesBothServicesAndLabelsSeriesWithServiceAndNamespace() {
    Map<String, Object> monitor = doc("ServiceMonitor", STABLE);
    assertThat(monitor.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    Map<String, Object> selector = map(monitor, "spec.selector.matchLabels");
    for (String name : List.of(STABLE, CANARY)) {
      assertThat(map(doc("Service", name), "metadata.labels")).containsAllEntriesOf(selector);
    }
    assertThat(list(monitor, "spec.namespaceSelector.matchNames")).containsExactly("kitchen-cpq");
    Map<String, Object> endpoint = map(monitor, "spec.endpoints.0");
    assertThat(endpoint.get("port")).isEqualTo("http");
    assertThat(endpoint.get("path")).isEqualTo("/metrics");
    // Four samples per 1m rate window at least.
    assertThat(goDuration((String) endpoint.get("interval")))
        .isLessThanOrEqualTo(Duration.ofSeconds(15));
    assertThat(list(endpoint, "relabelings"))
        .map(r -> asMap(r).get("targetLabel") + "<-" + asMap(r).get("sourceLabels"))
        .contains(
            "service<-[__meta_kubernetes_service_name]",
            "namespace<-[__meta_kubernetes_namespace]");
  }

  // ---- analysis -------------------------------------------------------------------------

  @Test
  void healthMetricsCarryThePlansThresholdsWithGuardsForNoData() {
    Map<String, Object> health = doc("AnalysisTemplate", "param-kernel-canary-health");
    assertThat(list(health, "spec.args"))
        .extracting(a -> asMap(a).get("name"))
        .containsExactly("service-name", "namespace", "latest-hash", "stable-hash");
    assertThat(list(health, "spec.metrics")).hasSize(3);

    Map<String, Object> errors = metric(health, "error-rate");
    assertThat(errors.get("successCondition"))
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] < 0.01");
    assertThat(errors.get("failureCondition"))
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] > 0.03");
    assertThat(((String) at(errors, "provider.prometheus.query")).replaceAll("\\s+", " ").strip())
        .isEqualTo(
            "(sum(rate(http_requests_total{service=\"{{args.service-name}}\",namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\",code=~\"5..\"}[1m]))"
                + " or vector(0)) / sum(rate(http_requests_total{"
                + "service=\"{{args.service-name}}\",namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\"}[1m]))");

    Map<String, Object> latency = metric(health, "latency-p95");
    assertThat(latency.get("successCondition"))
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] < 0.030");
    assertThat(latency.get("failureCondition"))
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] > 0.060");
    assertThat(((String) at(latency, "provider.prometheus.query")).strip())
        .isEqualTo(
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket"
                + "{service=\"{{args.service-name}}\",namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\"}[1m])))");
  }

  @Test
  void theRatioMetricComparesTheCanarysP95WithTheStablePodsOnTheSameWindowAndRoute() {
    Map<String, Object> ratio =
        metric(doc("AnalysisTemplate", "param-kernel-canary-health"), "latency-p95-vs-stable");
    assertThat(ratio.get("successCondition"))
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] < 1.5");
    assertThat(ratio.get("failureCondition"))
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] > 1.8");
    String query = ((String) at(ratio, "provider.prometheus.query")).replaceAll("\\s+", "");
    String side =
        "histogram_quantile(0.95,sumby(le)(rate(http_request_duration_seconds_bucket{service=\""
            + STABLE
            + "\",namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\",rollouts_pod_template_hash=\"{{args.%s}}\"}[1m])))";
    String rate =
        "(sum(rate(http_requests_total{service=\""
            + STABLE
            + "\",namespace=\"{{args.namespace}}\","
            + "route=\"/v1/apply-delta\",rollouts_pod_template_hash=\"{{args.%s}}\"}[1m]))>=1)";
    assertThat(query)
        .isEqualTo(
            "("
                + side.formatted("latest-hash")
                + "/"
                + side.formatted("stable-hash")
                + ")"
                + "andon()"
                + rate.formatted("latest-hash")
                + "andon()"
                + rate.formatted("stable-hash"));
  }

  @Test
  void aSustainedFailureAbortsAndTheFirstWindowIsWarmCanaryTraffic() {
    Map<String, Object> health = doc("AnalysisTemplate", "param-kernel-canary-health");
    Duration warmupDeadline =
        Duration.ofSeconds(
            (Integer)
                at(
                    metric(doc("AnalysisTemplate", "param-kernel-warmup"), "warmup"),
                    "provider.job.spec.activeDeadlineSeconds"));
    for (String name : List.of("error-rate", "latency-p95", "latency-p95-vs-stable")) {
      Map<String, Object> m = metric(health, name);
      assertThat(m.get("failureLimit")).as(name).isEqualTo(1);
      assertThat(m.get("inconclusiveLimit")).as(name).isEqualTo(0);
      // failureLimit 1 needs at least two measurements to ever fail.
      assertThat((Integer) m.get("count")).as(name).isEqualTo(5);
      assertThat(m.get("interval")).as(name).isEqualTo("1m");
      // The first 1m window starts after the warm-up job's deadline.
      assertThat(goDuration((String) m.get("initialDelay")))
          .as(name)
          .isGreaterThanOrEqualTo(warmupDeadline.plusMinutes(1));
      assertThat(at(m, "provider.prometheus.address"))
          .as(name)
          .isEqualTo("http://prometheus-operated.monitoring.svc:9090");
      assertThat((Integer) at(m, "provider.prometheus.timeout")).as(name).isBetween(1, 59);
    }
  }

  @Test
  void warmupJobSendsTheBaselineLoadToTheCanaryAndFailsTheRunOnFailure() {
    Map<String, Object> warmup = doc("AnalysisTemplate", "param-kernel-warmup");
    assertThat(list(warmup, "spec.args"))
        .extracting(a -> asMap(a).get("name"))
        .containsExactly("service-name", "namespace");
    Map<String, Object> m = metric(warmup, "warmup");
    assertThat(m).doesNotContainKeys("interval", "count", "successCondition", "failureCondition");
    assertThat(m.get("failureLimit")).isEqualTo(0);
    Map<String, Object> job = map(m, "provider.job.spec");
    assertThat(job.get("backoffLimit")).isEqualTo(0);
    assertThat((Integer) job.get("activeDeadlineSeconds")).isPositive();

    Map<String, Object> pod = map(job, "template.spec");
    assertThat(pod.get("restartPolicy")).isEqualTo("Never");
    Map<String, Object> podLabels = map(job, "template.metadata.labels");
    for (String svc : List.of(STABLE, CANARY)) {
      Map<String, Object> selector = map(doc("Service", svc), "spec.selector");
      assertThat(podLabels.entrySet().containsAll(selector.entrySet()))
          .as("warm-up pod must not be selected by " + svc)
          .isFalse();
    }
    Map<String, Object> c = map(pod, "containers.0");
    assertThat(c.get("image")).isEqualTo(IMAGE);
    // The image's own entrypoint (class path and JVM flags as the image goal wrote them);
    // the first argument switches the service's Main to the warm-up client.
    assertThat(c).doesNotContainKey("command");
    assertThat(list(c, "args").get(0)).isEqualTo("warmup");
    assertThat(list(c, "args"))
        .contains(
            "--target=http://{{args.service-name}}.{{args.namespace}}.svc:80",
            "--requests=200",
            "--rate=20",
            "--concurrency=5");
    assertThat(at(c, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(at(c, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
  }
}
