package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryRulesTest {
  static final String C =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: r
      spec:
        strategy:
          canary:
            canaryService: c
            stableService: s
            maxSurge: 1
            maxUnavailable: 0
            trafficRouting:
              istio:
                virtualService: {name: vs, routes: [primary]}
              managedRoutes:
                - name: header
                - name: mirror
            steps:
              - setWeight: 20
              - pause: {duration: 1h30m}
              - setCanaryScale: {weight: 10}
              - setHeaderRoute:
                  name: header
                  match:
                    - headerName: x-canary
                      headerValue: {exact: "yes"}
              - setMirrorRoute:
                  name: mirror
                  match:
                    - method: {exact: GET}
              - experiment:
                  templates:
                    - {name: t, specRef: canary, weight: 5}
              - analysis:
                  templates: [{templateName: a}]
                  args:
                    - name: pod
                      valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}
      """;

  /** Without trafficRouting (and the managedRoutes it holds). */
  static final String PLAIN =
      C.replace(
          """
                trafficRouting:
                  istio:
                    virtualService: {name: vs, routes: [primary]}
                  managedRoutes:
                    - name: header
                    - name: mirror
          """,
          "");

  private static List<String> check(Rule rule, String yaml) {
    return summary(run(rule, yaml));
  }

  @Test
  void surgeAndUnavailable() {
    assertThat(check(new SurgeUnavailableRule(), C)).isEmpty();
    assertThat(check(new SurgeUnavailableRule(), C.replace("maxSurge: 1", "maxSurge: \"0%\"")))
        .containsExactly("canary.surge-unavailable@10:error");
  }

  @Test
  void servicesDistinct() {
    assertThat(check(new ServicesDistinctRule(), C)).isEmpty();
    assertThat(check(new ServicesDistinctRule(), C.replace("canaryService: c", "canaryService: s")))
        .containsExactly("canary.services-distinct@9:error");
  }

  @Test
  void pingPong() {
    String pp =
        C.replace(
            "      canaryService: c\n      stableService: s\n",
            "      pingPong: {pingService: ping, pongService: pong}\n");
    assertThat(check(new PingPongRule(), pp)).isEmpty();
    assertThat(check(new PingPongRule(), pp.replace("pongService: pong", "pongService: ping")))
        .containsExactly("canary.ping-pong@8:error");
  }

  @Test
  void trafficRoutingNeedsServices() {
    assertThat(check(new TrafficRoutingServicesRule(), C)).isEmpty();
    assertThat(check(new TrafficRoutingServicesRule(), C.replace("      canaryService: c\n", "")))
        .containsExactly("canary.traffic-routing-services@8:error");
  }

  @Test
  void scaleDownOptions() {
    assertThat(
            check(
                new ScaleDownOptionsRule(),
                C.replace("maxSurge: 1", "maxSurge: 1\n      scaleDownDelaySeconds: 30")))
        .isEmpty();
    assertThat(
            check(
                new ScaleDownOptionsRule(),
                PLAIN.replace("maxSurge: 1", "maxSurge: 1\n      scaleDownDelaySeconds: 30")))
        .containsExactly("canary.scale-down-options@11:error");
  }

  @Test
  void maxTrafficWeight() {
    assertThat(check(new MaxTrafficWeightRule(), C)).isEmpty();
    assertThat(
            check(
                new MaxTrafficWeightRule(),
                C.replace(
                    "        managedRoutes:",
                    "        maxTrafficWeight: 1000\n        managedRoutes:")))
        .containsExactly("canary.max-traffic-weight@15:error");
  }

  @Test
  void stepKind() {
    assertThat(check(new StepKindRule(), C)).isEmpty();
    assertThat(
            check(
                new StepKindRule(),
                C.replace("- setWeight: 20", "- setWeight: 20\n          pause: {}")))
        .containsExactly("canary.step-kind@19:error");
    assertThat(check(new StepKindRule(), C.replace("- setWeight: 20", "- {}")))
        .containsExactly("canary.step-kind@19:error");
  }

  @Test
  void setWeightRange() {
    assertThat(check(new SetweightRangeRule(), C)).isEmpty();
    assertThat(check(new SetweightRangeRule(), C.replace("setWeight: 20", "setWeight: 101")))
        .containsExactly("canary.setweight-range@19:error");
  }

  @Test
  void pauseDuration() {
    assertThat(check(new PauseDurationRule(), C)).isEmpty();
    assertThat(check(new PauseDurationRule(), C.replace("duration: 1h30m", "duration: \"30\"")))
        .isEmpty();
    assertThat(check(new PauseDurationRule(), C.replace("duration: 1h30m", "duration: 1d")))
        .containsExactly("canary.pause-duration@20:error");
    assertThat(check(new PauseDurationRule(), C.replace("duration: 1h30m", "duration: -5")))
        .containsExactly("canary.pause-duration@20:error");
  }

  @Test
  void setCanaryScale() {
    assertThat(check(new SetCanaryScaleRule(), C)).isEmpty();
    assertThat(check(new SetCanaryScaleRule(), PLAIN))
        .containsExactly("canary.set-canary-scale@15:error");
  }

  @Test
  void headerRoute() {
    assertThat(check(new HeaderRouteRule(), C)).isEmpty();
    assertThat(
            check(
                new HeaderRouteRule(),
                C.replace("{exact: \"yes\"}", "{exact: \"yes\", prefix: \"y\"}")))
        .containsExactly("canary.header-route@26:error");
    assertThat(check(new HeaderRouteRule(), PLAIN)).containsExactly("canary.header-route@16:error");
  }

  @Test
  void mirrorRoute() {
    assertThat(check(new MirrorRouteRule(), C)).isEmpty();
    assertThat(check(new MirrorRouteRule(), C.replace("method: {exact: GET}", "method: {}")))
        .containsExactly("canary.mirror-route@30:error");
  }

  @Test
  void managedRoutes() {
    assertThat(check(new ManagedRoutesRule(), C)).isEmpty();
    assertThat(
            check(
                new ManagedRoutesRule(),
                C.replace("            name: mirror\n", "            name: mirrored\n")))
        .containsExactly("canary.managed-routes@28:error");
    assertThat(
            check(
                new ManagedRoutesRule(),
                C.replace(
                    "        managedRoutes:\n          - name: header\n          - name: mirror\n",
                    "")))
        .containsExactly("canary.managed-routes@19:error", "canary.managed-routes@24:error");
  }

  @Test
  void experimentWeight() {
    assertThat(check(new ExperimentWeightRule(), C)).isEmpty();
    assertThat(check(new ExperimentWeightRule(), PLAIN))
        .containsExactly("canary.experiment-weight@27:error");
  }

  @Test
  void analysisFieldRef() {
    assertThat(check(new AnalysisFieldRefRule(), C)).isEmpty();
    assertThat(
            check(
                new AnalysisFieldRefRule(),
                C.replace("metadata.labels['app']", "metadata.generation")))
        .containsExactly("canary.analysis-field-ref@38:error");
  }
}
