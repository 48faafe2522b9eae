package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.render.Template;
import com.kitchencpq.paramkernel.plugin.render.TemplateRenderer;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole runs, from YAML to verdict, with the provider's answers scripted (as upstream's controller
 * tests script their provider) and the clock virtual, so the schedule, the limits, early
 * termination and the argument handling can be checked instant by instant. The provider itself is
 * tested against a real Prometheus in {@code PrometheusProviderIT}.
 */
class AnalyzerTest {
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  private static final AnalysisClock LATER = AnalysisClock.virtual(START.plusSeconds(3600));
  private static String shipped;

  /** The pod-template hashes only a cluster knows, which the shipped ratio metric needs. */
  static final Map<String, String> HASHES =
      Map.of("latest-hash", "5f7c9b8d4", "stable-hash", "6d8b7c5f9");

  @BeforeAll
  static void renderTheShippedBundle() throws Exception {
    shipped =
        new TemplateRenderer()
            .render(Template.embeddedDefault(), "sha256:" + "0123456789abcdef".repeat(4), List.of())
            .text();
  }

  /**
   * Answers by metric: each call takes the next phase of that metric's script (the last one
   * repeats).
   */
  private static final class Script implements MeasurementSource {
    private final Map<String, Iterator<Phase>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> queries = new ConcurrentHashMap<>();
    private final Map<String, Phase> last = new ConcurrentHashMap<>();
    private final BiFunction<String, Phase, Observation> answer;

    Script(Map<String, List<Phase>> phases) {
      this(
          phases,
          (metric, p) ->
              p == Phase.ERROR
                  ? Observation.error("Post \"http://x/api/v1/query\": refused", true)
                  : new Observation("[0.001]", p, "", false, List.of()));
    }

    Script(Map<String, List<Phase>> phases, BiFunction<String, Phase, Observation> answer) {
      phases.forEach((k, v) -> scripts.put(k, v.iterator()));
      this.answer = answer;
    }

    @Override
    public Observation measure(MetricSpec metric, Instant at) {
      // A metric without a script (the shipped template's ratio metric, where a test is about the
      // other two) answers Successful.
      Iterator<Phase> it =
          scripts.getOrDefault(metric.name(), List.of(Phase.SUCCESSFUL).iterator());
      Phase p = it.hasNext() ? it.next() : last.getOrDefault(metric.name(), Phase.SUCCESSFUL);
      last.put(metric.name(), p);
      queries
          .computeIfAbsent(
              metric.name(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(metric.prometheus().query());
      return answer.apply(metric.name(), p);
    }
  }

  private static AnalysisRequest shippedReplay() {
    return AnalysisRequest.of(List.of(new SourceText("rollout.yaml", shipped)))
        .withArgs(HASHES)
        .withPrometheusAddress("http://127.0.0.1:9")
        .withMode(AnalysisRequest.Mode.replay(START))
        .withClock(LATER);
  }

  private static List<Instant> instants(AnalysisResult r, String metric) {
    return r.metric(metric).orElseThrow().measurements().stream()
        .map(Measurement::instant)
        .toList();
  }

  private static List<Instant> at(long... secondsAfterStart) {
    List<Instant> out = new ArrayList<>();
    for (long s : secondsAfterStart) {
      out.add(START.plusSeconds(s));
    }
    return out;
  }

  @Test
  void theShippedTemplateIsMeasuredAtInitialDelayPlusKIntervals() throws Exception {
    Script script =
        new Script(
            Map.of(
                "error-rate", List.of(Phase.SUCCESSFUL), "latency-p95", List.of(Phase.SUCCESSFUL)));
    AnalysisResult r = Analyzer.analyze(shippedReplay(), script);

    assertThat(r.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(r.metrics())
        .extracting(AnalysisResult.MetricResult::name)
        .containsExactly("warmup", "error-rate", "latency-p95", "latency-p95-vs-stable");
    assertThat(r.metric("warmup").orElseThrow().phase()).isEqualTo(Phase.NOT_RUN);
    // initialDelay 2m30s, interval 1m, count 5
    assertThat(instants(r, "error-rate")).isEqualTo(at(150, 210, 270, 330, 390));
    assertThat(instants(r, "latency-p95")).isEqualTo(at(150, 210, 270, 330, 390));
    assertThat(instants(r, "latency-p95-vs-stable")).isEqualTo(at(150, 210, 270, 330, 390));
    assertThat(r.message())
        .startsWith("Every metric completed within its limits (error-rate: 5 of 5");
    assertThat(r.startedAt()).isEqualTo(START);
    assertThat(r.finishedAt()).isEqualTo(START.plusSeconds(390));
    // the Rollout's arguments: a value, and metadata.namespace from the Rollout
    assertThat(script.queries.get("error-rate").get(0))
        .contains("service=\"param-kernel-service-canary\",namespace=\"kitchen-cpq\"")
        .doesNotContain("{{");
  }

  @Test
  void anErrorIsRetriedAfterTenSecondsAndTheFifthInARowEndsTheRun() throws Exception {
    // DefaultErrorRetryInterval and the default consecutiveErrorLimit of 4
    Script script =
        new Script(Map.of("error-rate", List.of(Phase.ERROR), "latency-p95", List.of(Phase.ERROR)));
    AnalysisResult r = Analyzer.analyze(shippedReplay(), script);

    assertThat(r.phase()).isEqualTo(Phase.ERROR);
    assertThat(instants(r, "error-rate")).isEqualTo(at(150, 160, 170, 180, 190));
    assertThat(r.message())
        .isEqualTo(
            "Metric \"error-rate\" assessed Error due to consecutiveErrors (5) >"
                + " consecutiveErrorLimit (4): \"Error Message: Post \"http://x/api/v1/query\":"
                + " refused\"");
    assertThat(r.unreachable()).isTrue();
    assertThat(r.metric("error-rate").orElseThrow().measurements())
        .allMatch(m -> m.value() == null);
  }

  @Test
  void errorsInARowResetOnAnAnswerAndDoNotCount() throws Exception {
    Script script =
        new Script(
            Map.of(
                "error-rate", List.of(Phase.ERROR, Phase.ERROR, Phase.SUCCESSFUL),
                "latency-p95", List.of(Phase.SUCCESSFUL)));
    AnalysisResult r = Analyzer.analyze(shippedReplay(), script);

    assertThat(r.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(instants(r, "error-rate")).isEqualTo(at(150, 160, 170, 230, 290, 350, 410));
    AnalysisResult.MetricResult m = r.metric("error-rate").orElseThrow();
    assertThat(m.count()).isEqualTo(5);
    assertThat(m.error()).isEqualTo(2);
    assertThat(m.consecutiveError()).isZero();
  }

  @Test
  void aFailedMetricEndsTheRunAndTheOthersAreAssessedAsTerminated() throws Exception {
    // failureLimit 1: the second Failed measurement fails the metric; the run terminates and
    // latency-p95, short of its count, is assessed Successful (assessMetricStatus, terminating)
    Script script =
        new Script(
            Map.of("error-rate", List.of(Phase.FAILED), "latency-p95", List.of(Phase.SUCCESSFUL)));
    AnalysisResult r = Analyzer.analyze(shippedReplay(), script);

    assertThat(r.phase()).isEqualTo(Phase.FAILED);
    assertThat(r.message())
        .isEqualTo("Metric \"error-rate\" assessed Failed due to failed (2) > failureLimit (1)");
    assertThat(instants(r, "error-rate")).isEqualTo(at(150, 210));
    assertThat(instants(r, "latency-p95")).isEqualTo(at(150, 210));
    assertThat(r.metric("latency-p95").orElseThrow().phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(r.finishedAt()).isEqualTo(START.plusSeconds(210));
  }

  @Test
  void theFirstInconclusiveMeasurementEndsTheRunInconclusive() throws Exception {
    Script script =
        new Script(
            Map.of(
                "error-rate", List.of(Phase.SUCCESSFUL, Phase.SUCCESSFUL, Phase.INCONCLUSIVE),
                "latency-p95", List.of(Phase.SUCCESSFUL)));
    AnalysisResult r = Analyzer.analyze(shippedReplay(), script);

    assertThat(r.phase()).isEqualTo(Phase.INCONCLUSIVE);
    assertThat(r.message())
        .isEqualTo(
            "Metric \"error-rate\" assessed Inconclusive due to inconclusive (1) >"
                + " inconclusiveLimit (0)");
    assertThat(instants(r, "latency-p95")).hasSize(3);
    assertThat(r.passes(true)).isFalse();
    assertThat(r.passes(false)).isTrue();
  }

  @Test
  void aLiveRunOnAVirtualClockKeepsTheSameScheduleAndReportsItsProgress() throws Exception {
    List<String> events = new ArrayList<>();
    Script script =
        new Script(
            Map.of(
                "error-rate", List.of(Phase.SUCCESSFUL), "latency-p95", List.of(Phase.SUCCESSFUL)));
    AnalysisResult r =
        Analyzer.analyze(
            AnalysisRequest.of(List.of(new SourceText("rollout.yaml", shipped)))
                .withArgs(HASHES)
                .withPrometheusAddress("http://127.0.0.1:9")
                .withClock(AnalysisClock.virtual(START))
                .withListener(
                    new AnalysisListener() {
                      @Override
                      public void measured(String metric, int number, Measurement m) {
                        events.add(metric + "#" + number + "@" + m.instant());
                      }

                      @Override
                      public void waiting(Instant until, List<String> metrics) {
                        events.add("wait " + until + " " + metrics);
                      }

                      @Override
                      public void notice(String message) {
                        events.add("notice " + message);
                      }
                    }),
            script);

    assertThat(r.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(instants(r, "latency-p95")).isEqualTo(at(150, 210, 270, 330, 390));
    assertThat(events)
        .startsWith(
            "notice metric 'warmup' of AnalysisTemplate 'param-kernel-warmup' uses the job"
                + " provider: not run here (analyze runs Prometheus metrics only), so its outcome"
                + " is left out of the verdict",
            "wait 2026-12-01T10:02:30Z [error-rate, latency-p95, latency-p95-vs-stable]",
            "error-rate#1@2026-12-01T10:02:30Z",
            "latency-p95#1@2026-12-01T10:02:30Z",
            "latency-p95-vs-stable#1@2026-12-01T10:02:30Z",
            "wait 2026-12-01T10:03:30Z [error-rate, latency-p95, latency-p95-vs-stable]");
  }

  private static final String TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata:
        name: t
      spec:
        args:
          - name: service
          - name: threshold
            value: "0.5"
        metrics:
          - name: m
            successCondition: result[0] < {{args.threshold}}
            provider:
              prometheus:
                address: http://127.0.0.1:9
                query: up{service="{{args.service}}"}
      """;

  private static AnalysisRequest template(String yaml) {
    return AnalysisRequest.of(List.of(new SourceText("t.yaml", yaml)))
        .withTemplates(List.of("t"))
        .withClock(AnalysisClock.virtual(START));
  }

  @Test
  void testReconcileAnalysisRunInitial() throws Exception {
    // no interval, no count: exactly one measurement, then Successful
    Script script = new Script(Map.of("m", List.of(Phase.SUCCESSFUL)));
    AnalysisResult r =
        Analyzer.analyze(template(TEMPLATE).withArgs(Map.of("service", "a")), script);
    assertThat(r.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(r.metric("m").orElseThrow().measurements()).hasSize(1);
    assertThat(script.queries.get("m")).containsExactly("up{service=\"a\"}");
  }

  @Test
  void argumentsTheTemplatesDoNotDeclareAreIgnoredWithANotice() throws Exception {
    List<String> notices = new ArrayList<>();
    AnalysisResult r =
        Analyzer.analyze(
            template(TEMPLATE)
                .withArgs(Map.of("service", "a", "extra", "x"))
                .withListener(
                    new AnalysisListener() {
                      @Override
                      public void warning(String message) {
                        notices.add(message);
                      }
                    }),
            new Script(Map.of("m", List.of(Phase.SUCCESSFUL))));
    assertThat(r.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(notices)
        .containsExactly(
            "argument 'extra' from paramkernel.analyze.args is not declared by the templates and is"
                + " ignored, as Argo Rollouts ignores arguments its templates do not declare");
  }

  @Test
  void aMissingArgumentIsAUserErrorNamingItAndTheProperty() {
    assertThatThrownBy(() -> Analyzer.analyze(template(TEMPLATE), new Script(Map.of())))
        .isInstanceOfSatisfying(GoalException.class, e -> assertThat(e.userFixable()).isTrue())
        .hasMessage(
            "Missing analysis argument: argument 'service' (declared by AnalysisTemplate 't') has"
                + " no value: the template gives no default, and neither a Rollout nor"
                + " paramkernel.analyze.args passes one; pass it with paramkernel.analyze.args"
                + " (e.g. -Dparamkernel.analyze.args=service=<value>)");
  }

  @Test
  void aPodTemplateHashArgumentMustComeFromTheUser() {
    String yaml =
        shipped.replace(
            "              - name: service-name\n"
                + "                value: param-kernel-service-canary\n",
            "              - name: service-name\n"
                + "                valueFrom:\n"
                + "                  podTemplateHashValue: Latest\n");
    assertThat(yaml).isNotEqualTo(shipped);
    assertThatThrownBy(
            () ->
                Analyzer.analyze(
                    AnalysisRequest.of(List.of(new SourceText("r.yaml", yaml)))
                        .withMode(AnalysisRequest.Mode.replay(START))
                        .withClock(LATER),
                    new Script(Map.of())))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining(
            "argument 'service-name' (declared by AnalysisTemplate 'param-kernel-warmup') is the"
                + " pod-template hash of the Rollout's latest ReplicaSet"
                + " (valueFrom.podTemplateHashValue: Latest)");
  }

  @Test
  void aTagWithoutAnArgumentPutsTheRunInError() throws Exception {
    // TestResolveMetricArgsUnableToSubstitute: the controller cannot resolve the run's arguments
    AnalysisResult r =
        Analyzer.analyze(
            template(TEMPLATE.replace("{{args.service}}", "{{args.metric-name}}"))
                .withArgs(Map.of("service", "a")),
            new Script(Map.of()));
    assertThat(r.phase()).isEqualTo(Phase.ERROR);
    assertThat(r.message())
        .isEqualTo("Unable to resolve metric arguments: failed to resolve {{args.metric-name}}");
    assertThat(r.measurementCount()).isZero();
  }

  @Test
  void anInvalidMetricPutsTheRunInError() throws Exception {
    // TestReconcileAnalysisRunInvalid / ValidateMetrics
    AnalysisResult r =
        Analyzer.analyze(
            template(TEMPLATE.replace("  - name: m\n", "  - name: m\n      count: 3\n"))
                .withArgs(Map.of("service", "a")),
            new Script(Map.of()));
    assertThat(r.phase()).isEqualTo(Phase.ERROR);
    assertThat(r.message())
        .isEqualTo("Analysis spec invalid: metrics[0]: interval must be specified when count > 1");
  }

  @Test
  void aDryRunMetricIsMeasuredButNeitherEndsTheRunNorDecidesIt() throws Exception {
    String yaml =
        shipped.replace(
            "              - templateName: param-kernel-canary-health\n            args:\n",
            "              - templateName: param-kernel-canary-health\n"
                + "            dryRun:\n"
                + "              - metricName: error-rate\n"
                + "            args:\n");
    assertThat(yaml).isNotEqualTo(shipped);
    Script script =
        new Script(
            Map.of("error-rate", List.of(Phase.FAILED), "latency-p95", List.of(Phase.SUCCESSFUL)));
    AnalysisResult r =
        Analyzer.analyze(
            AnalysisRequest.of(List.of(new SourceText("r.yaml", yaml)))
                .withArgs(HASHES)
                .withPrometheusAddress("http://127.0.0.1:9")
                .withMode(AnalysisRequest.Mode.replay(START))
                .withClock(LATER),
            script);
    assertThat(r.phase()).isEqualTo(Phase.SUCCESSFUL);
    AnalysisResult.MetricResult dry = r.metric("error-rate").orElseThrow();
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.phase()).isEqualTo(Phase.FAILED);
    assertThat(dry.message())
        .isEqualTo("Metric assessed Failed due to failed (2) > failureLimit (1)");
    assertThat(instants(r, "latency-p95")).hasSize(5);
  }

  @Test
  void aSecretStandInIsMaskedInEveryMessage() throws Exception {
    String yaml =
        TEMPLATE
            .replace(
                "    - name: service\n",
                "    - name: service\n"
                    + "    - name: token\n"
                    + "      valueFrom:\n"
                    + "        secretKeyRef:\n"
                    + "          name: prom\n"
                    + "          key: token\n")
            .replace(
                "          address: http://127.0.0.1:9\n",
                "          address: http://127.0.0.1:9\n"
                    + "          headers:\n"
                    + "            - key: Authorization\n"
                    + "              value: Bearer {{args.token}}\n");
    assertThat(yaml).contains("Bearer {{args.token}}").contains("name: prom");
    assertThatThrownBy(
            () ->
                Analyzer.analyze(
                    template(yaml).withArgs(Map.of("service", "a")), new Script(Map.of())))
        .hasMessageContaining(
            "argument 'token' (declared by AnalysisTemplate 't') comes from the Secret 'prom' (key"
                + " 'token'), which analyze does not read");
    Script leaky =
        new Script(
            Map.of("m", List.of(Phase.ERROR)),
            (metric, p) -> MeasurementSource.Observation.error("rejected Bearer s3cr3t", false));
    AnalysisResult r =
        Analyzer.analyze(template(yaml).withArgs(Map.of("service", "a", "token", "s3cr3t")), leaky);
    assertThat(r.phase()).isEqualTo(Phase.ERROR);
    assertThat(r.message()).contains("rejected Bearer *****").doesNotContain("s3cr3t");
    assertThat(r.metric("m").orElseThrow().measurements())
        .allMatch(m -> m.message().equals("rejected Bearer *****"));
  }

  @Test
  void aReplayThatWouldReachTheFutureIsRefused() {
    assertThatThrownBy(
            () ->
                Analyzer.analyze(
                    shippedReplay().withClock(AnalysisClock.virtual(START.plusSeconds(200))),
                    new Script(
                        Map.of(
                            "error-rate",
                            List.of(Phase.SUCCESSFUL),
                            "latency-p95",
                            List.of(Phase.SUCCESSFUL)))))
        .isInstanceOf(GoalException.class)
        .hasMessage(
            "paramkernel.analyze.start=2026-12-01T10:00:00Z: the replay would measure at"
                + " 2026-12-01T10:03:30Z, which has not happened yet (initialDelay, interval and"
                + " count reach that far); choose an earlier start");
  }

  @Test
  void aTemplateThatIsNotThereIsAUserError() {
    assertThatThrownBy(
            () ->
                Analyzer.analyze(
                    template(TEMPLATE).withTemplates(List.of("nope")), new Script(Map.of())))
        .isInstanceOf(GoalException.class)
        .hasMessage(
            "paramkernel.analyze.templates names 'nope', but t.yaml define no AnalysisTemplate or"
                + " ClusterAnalysisTemplate of that name (they define AnalysisTemplate 't')");
  }

  @Test
  void withoutARolloutANamedTemplateIsFoundInAnyNamespace() throws Exception {
    String service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: a\n";
    String template = TEMPLATE.replace("  name: t\n", "  name: t\n  namespace: b\n");
    AnalysisResult r =
        Analyzer.analyze(
            AnalysisRequest.of(
                    List.of(new SourceText("s.yaml", service), new SourceText("t.yaml", template)))
                .withTemplates(List.of("t"))
                .withArgs(Map.of("service", "a"))
                .withClock(AnalysisClock.virtual(START)),
            new Script(Map.of("m", List.of(Phase.SUCCESSFUL))));
    assertThat(r.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(r.metric("m").orElseThrow().template()).isEqualTo("AnalysisTemplate 't'");
  }

  @Test
  void aMetricThatWouldNeverEndIsAUserError() {
    assertThatThrownBy(
            () ->
                Analyzer.analyze(
                    template(TEMPLATE.replace("  - name: m\n", "  - name: m\n      interval: 1m\n"))
                        .withArgs(Map.of("service", "a")),
                    new Script(Map.of())))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("has an interval and no count");
  }
}
