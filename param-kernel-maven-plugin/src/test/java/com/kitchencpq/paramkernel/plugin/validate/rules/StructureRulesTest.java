package com.kitchencpq.paramkernel.plugin.validate.rules;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.Severity;
import com.kitchencpq.paramkernel.plugin.validate.rules.document.IdentityRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.UnreplacedPlaceholderRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.schema.QuantityRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.schema.RequiredRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.schema.TypeRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.schema.UnknownFieldRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.yaml.DuplicateKeyRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.yaml.SyntaxRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.yaml.UnquotedTemplateRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureRulesTest {
  static final String ROLLOUT =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: r
      spec:
        replicas: 2
        selector:
          matchLabels: {app: r}
        template:
          metadata:
            labels: {app: r}
          spec:
            containers:
              - name: app
                image: example/app:1
                resources:
                  limits: {cpu: 500m, memory: 1Gi}
        strategy:
          canary:
            steps:
              - setWeight: 20
              - pause: {duration: 30s}
      """;

  @Test
  void syntax() {
    assertThat(run(new SyntaxRule(), ROLLOUT)).isEmpty();
    List<Finding> f = run(new SyntaxRule(), "a: 1\nb: [\n");
    assertThat(summary(f)).containsExactly("yaml.syntax@3:error");
  }

  @Test
  void unknownField() {
    assertThat(run(new UnknownFieldRule(), ROLLOUT)).isEmpty();
    List<Finding> f =
        run(
            new UnknownFieldRule(),
            ROLLOUT
                .replace("    steps:", "    stepz: []\n      steps:")
                .replace(
                    "        - name: app",
                    "        - name: app\n          imagePullPolicyy: Always"));
    assertThat(summary(f))
        .containsExactly("schema.unknown-field@15:error", "schema.unknown-field@21:error");
    assertThat(f.get(1).message()).contains("did you mean 'steps'");
    assertThat(f.get(0).field()).isEqualTo("spec.template.spec.containers[0].imagePullPolicyy");
  }

  @Test
  void wrongTypes() {
    assertThat(run(new TypeRule(), ROLLOUT)).isEmpty();
    List<Finding> f =
        run(
            new TypeRule(),
            ROLLOUT
                .replace("replicas: 2", "replicas: abc")
                .replace("setWeight: 20", "setWeight: \"20\""));
    assertThat(summary(f)).containsExactly("schema.type@6:error", "schema.type@21:error");
    assertThat(f.get(0).column()).isEqualTo(13);
    assertThat(f.get(1).field()).isEqualTo("spec.strategy.canary.steps[0].setWeight");
  }

  @Test
  void serviceIsCheckedAgainstTheKubernetesModel() {
    String svc =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          selector: {app: r}
          ports:
            - port: 80
              targetPort: http
        """;
    assertThat(run(new UnknownFieldRule(), svc)).isEmpty();
    assertThat(run(new TypeRule(), svc)).isEmpty();
    assertThat(summary(run(new TypeRule(), svc.replace("port: 80", "port: eighty"))))
        .containsExactly("schema.type@7:error");
    assertThat(summary(run(new UnknownFieldRule(), svc.replace("selector:", "selectr:"))))
        .containsExactly("schema.unknown-field@5:error");
  }

  @Test
  void required() {
    String bg =
        ROLLOUT.replace(
            "    canary:\n"
                + "      steps:\n"
                + "        - setWeight: 20\n"
                + "        - pause: {duration: 30s}\n",
            "    blueGreen:\n      activeService: a\n");
    assertThat(run(new RequiredRule(), bg)).isEmpty();
    assertThat(
            summary(run(new RequiredRule(), bg.replace("activeService: a", "previewService: b"))))
        .containsExactly("schema.required@20:error");
  }

  @Test
  void quantity() {
    assertThat(run(new QuantityRule(), ROLLOUT)).isEmpty();
    assertThat(summary(run(new QuantityRule(), ROLLOUT.replace("memory: 1Gi", "memory: lots"))))
        .containsExactly("schema.quantity@17:error");
  }

  @Test
  void duplicateKey() {
    assertThat(run(new DuplicateKeyRule(), ROLLOUT)).isEmpty();
    assertThat(
            summary(
                run(
                    new DuplicateKeyRule(),
                    ROLLOUT.replace("  replicas: 2\n", "  replicas: 2\n  replicas: 3\n"))))
        .containsExactly("yaml.duplicate-key@7:error");
  }

  @Test
  void unquotedTemplate() {
    assertThat(run(new UnquotedTemplateRule(), "kind: X\na: \"{{args.x}}\"\n")).isEmpty();
    assertThat(summary(run(new UnquotedTemplateRule(), "kind: X\na: {{args.x}}\n")))
        .containsExactly("yaml.unquoted-template@2:error");
  }

  @Test
  void documentIdentity() {
    assertThat(run(new IdentityRule(), ROLLOUT)).isEmpty();
    assertThat(summary(run(new IdentityRule(), "metadata: {name: x}\n")))
        .containsExactly("document.identity@1:error", "document.identity@1:error");
    assertThat(summary(run(new IdentityRule(), "apiVersion: v1\nkind: Service\nmetadata: {}\n")))
        .containsExactly("document.identity@3:error");
  }

  @Test
  void placeholdersOnlyWithPlanChecks() {
    String text = ROLLOUT.replace("example/app:1", "example/app@${PARAM_KERNEL_IMAGE_DIGEST}");
    assertThat(run(new UnreplacedPlaceholderRule(), text)).isEmpty();
    assertThat(runPlan(new UnreplacedPlaceholderRule(), ROLLOUT)).isEmpty();
    List<Finding> f = runPlan(new UnreplacedPlaceholderRule(), text);
    assertThat(summary(f)).containsExactly("plan.unreplaced-placeholder@15:error");
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(
            summary(
                runPlan(
                    new UnreplacedPlaceholderRule(),
                    ROLLOUT.replace("example/app:1", "${IMAGE:-example/app:1}"))))
        .containsExactly("plan.unreplaced-placeholder@15:error");
    assertThat(
            runPlan(
                new UnreplacedPlaceholderRule(),
                ROLLOUT.replace("example/app:1", "example/$${escaped}")))
        .isEmpty();
  }
}
