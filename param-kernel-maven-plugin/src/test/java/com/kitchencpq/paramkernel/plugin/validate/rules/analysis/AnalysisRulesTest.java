package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.RuleTester;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import org.junit.jupiter.api.Test;

class AnalysisRulesTest {
  static final String A =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: r
      spec:
        strategy:
          canary:
            steps:
              - analysis:
                  templates:
                    - templateName: t1
                  args:
                    - name: svc
                      value: s
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata:
        name: t1
      spec:
        args:
          - name: svc
        metrics:
          - name: m1
            count: 3
            interval: 1m
            successCondition: result[0] > 0
            provider:
              prometheus:
                address: http://p:9090
                query: up{service="{{args.svc}}"}
      """;

  static final String T2 =
      """
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata:
        name: t2
      spec:
        args:
          - name: svc
            value: other
        metrics:
          - name: m1
            provider:
              prometheus: {address: http://p:9090, query: up}
      """;

  static final String BOTH =
      A.replace(
              "              - templateName: t1\n",
              "              - templateName: t1\n              - templateName: t2\n")
          + T2;

  @Test
  void templateMissing() {
    assertThat(run(new TemplateMissingRule(), A)).isEmpty();
    assertThat(
            summary(
                run(new TemplateMissingRule(), A.replace("templateName: t1", "templateName: t9"))))
        .containsExactly("analysis.template-missing@11:error");
    assertThat(
            summary(
                run(
                    new TemplateMissingRule(),
                    A.replace(
                        "templateName: t1",
                        "templateName: t9\n                clusterScope: true"))))
        .containsExactly("analysis.template-missing@11:warning");
  }

  @Test
  void templateFromAnotherFile() {
    String rollout = A.substring(0, A.indexOf("---"));
    String template = A.substring(A.indexOf("---") + 4);
    assertThat(
            RuleTester.run(
                new TemplateMissingRule(),
                false,
                new SourceText("r.yaml", rollout),
                new SourceText("t.yaml", template)))
        .isEmpty();
  }

  @Test
  void metricNameClash() {
    assertThat(run(new MetricNameClashRule(), A + T2)).isEmpty();
    assertThat(summary(run(new MetricNameClashRule(), BOTH)))
        .containsExactly("analysis.metric-name-clash@11:error");
  }

  @Test
  void argConflict() {
    String t1WithDefault =
        BOTH.replace(
            "    - name: svc\n  metrics:", "    - name: svc\n      value: mine\n  metrics:");
    assertThat(run(new ArgConflictRule(), BOTH)).isEmpty();
    assertThat(summary(run(new ArgConflictRule(), t1WithDefault)))
        .containsExactly("analysis.arg-conflict@11:error");
  }

  @Test
  void argUnresolved() {
    String noArgs =
        A.replace("            args:\n              - name: svc\n                value: s\n", "");
    assertThat(run(new ArgUnresolvedRule(), A)).isEmpty();
    assertThat(summary(run(new ArgUnresolvedRule(), noArgs)))
        .containsExactly("analysis.arg-unresolved@11:error");
  }

  @Test
  void unusedArg() {
    assertThat(run(new UnusedArgRule(), A)).isEmpty();
    assertThat(
            summary(
                run(
                    new UnusedArgRule(),
                    A.replace(
                        "- name: svc\n                value: s",
                        "- name: svcc\n                value: s"))))
        .containsExactly("analysis.unused-arg@13:warning");
  }

  @Test
  void duplicateMetricRule() {
    String dry =
        A.replace(
            "  args:\n    - name: svc\n  metrics:",
            "  dryRun: [{metricName: m1}]\n  args:\n    - name: svc\n  metrics:");
    assertThat(run(new DuplicateMetricRuleRule(), dry)).isEmpty();
    assertThat(
            summary(
                run(
                    new DuplicateMetricRuleRule(),
                    dry.replace(
                        "            args:\n              - name: svc",
                        "            dryRun: [{metricName: m1}]\n"
                            + "            args:\n"
                            + "              - name: svc"))))
        .containsExactly("analysis.duplicate-metric-rule@11:error");
  }

  @Test
  void runsIndefinitely() {
    String noCount = A.replace("      count: 3\n", "");
    assertThat(run(new RunsIndefinitelyRule(), A)).isEmpty();
    assertThat(summary(run(new RunsIndefinitelyRule(), noCount)))
        .containsExactly("analysis.runs-indefinitely@11:error");
    // the same metric in a background analysis may run until the rollout ends
    String background =
        noCount.replace(
            "      steps:\n        - analysis:\n            templates:",
            "      analysis:\n            templates:");
    assertThat(run(new RunsIndefinitelyRule(), background)).isEmpty();
    assertThat(
            summary(
                run(
                    new TemplateMissingRule(),
                    background.replace("templateName: t1", "templateName: t9"))))
        .containsExactly("analysis.template-missing@10:error");
  }

  @Test
  void argValueAndValueFrom() {
    assertThat(run(new ArgValueAndValuefromRule(), A)).isEmpty();
    assertThat(
            summary(
                run(
                    new ArgValueAndValuefromRule(),
                    A.replace(
                        "    - name: svc\n  metrics:",
                        "    - name: svc\n"
                            + "      value: a\n"
                            + "      valueFrom: {secretKeyRef: {name: s, key: k}}\n"
                            + "  metrics:"))))
        .containsExactly("analysis.arg-value-and-valuefrom@24:error");
  }

  @Test
  void undeclaredArgTag() {
    assertThat(run(new UndeclaredArgTagRule(), A)).isEmpty();
    assertThat(
            summary(run(new UndeclaredArgTagRule(), A.replace("{{args.svc}}", "{{args.other}}"))))
        .containsExactly("analysis.undeclared-arg-tag@31:error");
    assertThat(
            summary(
                run(new UndeclaredArgTagRule(), A.replace("{{args.svc}}", "{{ workflow.name }}"))))
        .containsExactly("analysis.undeclared-arg-tag@31:error");
  }
}
