package com.kitchencpq.paramkernel.plugin.validate.rules.ref;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.RuleTester;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import org.junit.jupiter.api.Test;

class RefRulesTest {
  static final String NGINX =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: stable
      spec:
        selector: {app: r}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: ing
      spec:
        rules:
          - http:
              paths:
                - backend:
                    service: {name: stable}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: r
      spec:
        template:
          metadata:
            labels: {app: r}
        strategy:
          canary:
            canaryService: canary
            stableService: stable
            trafficRouting:
              nginx:
                stableIngress: ing
      """;

  static final String ISTIO =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata:
        name: vs
      spec:
        http:
          - name: primary
            route:
              - destination: {host: stable}
                weight: 100
              - destination: {host: canary}
                weight: 0
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: r
      spec:
        strategy:
          canary:
            canaryService: canary
            stableService: stable
            trafficRouting:
              istio:
                virtualService:
                  name: vs
                  routes: [primary]
      """;

  @Test
  void missingServiceIsAWarningUnlessPlanChecksAreOn() {
    String both =
        NGINX.replace(
            "---\napiVersion: networking",
            "---\n"
                + "apiVersion: v1\n"
                + "kind: Service\n"
                + "metadata: {name: canary}\n"
                + "---\n"
                + "apiVersion: networking");
    assertThat(run(new ServiceMissingRule(), both)).isEmpty();
    assertThat(summary(run(new ServiceMissingRule(), NGINX)))
        .containsExactly("ref.service-missing@29:warning");
    assertThat(summary(runPlan(new ServiceMissingRule(), NGINX)))
        .containsExactly("ref.service-missing@29:error");
  }

  @Test
  void serviceSelectorMustMatchPodLabels() {
    assertThat(run(new ServiceSelectorRule(), NGINX)).isEmpty();
    assertThat(
            summary(
                run(
                    new ServiceSelectorRule(),
                    NGINX.replace("selector: {app: r}", "selector: {app: x}"))))
        .containsExactly("ref.service-selector@30:error");
    String managed =
        NGINX.replace(
            "  name: stable\n",
            "  name: stable\n"
                + "  annotations: {argo-rollouts.argoproj.io/managed-by-rollouts: other}\n");
    assertThat(summary(run(new ServiceSelectorRule(), managed)))
        .containsExactly("ref.service-selector@31:error");
  }

  @Test
  void ingressMustRouteToTheStableService() {
    assertThat(run(new IngressRule(), NGINX)).isEmpty();
    assertThat(
            summary(
                run(
                    new IngressRule(),
                    NGINX.replace("service: {name: stable}", "service: {name: root}"))))
        .containsExactly("ref.ingress@33:error");
    assertThat(
            summary(
                run(
                    new IngressRule(),
                    NGINX.replace("stableIngress: ing", "stableIngress: elsewhere"))))
        .containsExactly("ref.ingress@33:warning");
    assertThat(
            summary(
                run(
                    new IngressRule(),
                    NGINX.replace(
                        "stableIngress: ing",
                        "stableIngress: ing\n          stableIngresses: [ing]"))))
        .containsExactly("ref.ingress@33:error");
  }

  @Test
  void virtualServiceRoutes() {
    assertThat(run(new VirtualServiceRule(), ISTIO)).isEmpty();
    assertThat(
            summary(
                run(
                    new VirtualServiceRule(),
                    ISTIO.replace("routes: [primary]", "routes: [secondary]"))))
        .containsExactly("ref.virtual-service@27:error");
    assertThat(
            summary(
                run(new VirtualServiceRule(), ISTIO.replace("{host: canary}", "{host: other}"))))
        .containsExactly("ref.virtual-service@26:error");
    assertThat(
            summary(
                run(
                    new VirtualServiceRule(),
                    ISTIO.replace(
                        "name: vs\n            routes", "name: nowhere\n            routes"))))
        .containsExactly("ref.virtual-service@26:warning");
  }

  @Test
  void ambassadorMappingWithoutWeight() {
    String rollout =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: r}
        spec:
          strategy:
            canary:
              trafficRouting:
                ambassador:
                  mappings: [m]
        ---
        apiVersion: getambassador.io/v2
        kind: Mapping
        metadata: {name: m}
        spec: {prefix: /}
        """;
    assertThat(run(new AmbassadorMappingRule(), rollout)).isEmpty();
    assertThat(
            summary(
                run(
                    new AmbassadorMappingRule(),
                    rollout.replace("{prefix: /}", "{prefix: /, weight: 10}"))))
        .containsExactly("ref.ambassador-mapping@9:error");
  }

  @Test
  void duplicateDefinitionsWarnOnlyWhenDifferent() {
    String a = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec: {selector: {app: a}}\n";
    assertThat(
            RuleTester.run(
                new DuplicateDefinitionRule(),
                false,
                new SourceText("a.yaml", a),
                new SourceText("b.yaml", a)))
        .isEmpty();
    assertThat(
            summary(
                RuleTester.run(
                    new DuplicateDefinitionRule(),
                    false,
                    new SourceText("a.yaml", a),
                    new SourceText("b.yaml", a.replace("app: a", "app: b")))))
        .containsExactly("ref.duplicate-definition@4:warning");
  }
}
