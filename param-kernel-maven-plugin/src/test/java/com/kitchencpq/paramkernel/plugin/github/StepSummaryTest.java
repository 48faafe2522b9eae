package com.kitchencpq.paramkernel.plugin.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.github.StepSummary.CanaryStep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepSummaryTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  private static final String BUNDLE =
      """
      # rendered by param-kernel
      apiVersion: v1
      kind: Service
      metadata:
        name: param-kernel-service
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: param-kernel-service
        namespace: kitchen-cpq
      spec:
        replicas: 1
        strategy:
          canary:
            canaryService: param-kernel-service-canary
            stableService: param-kernel-service
            steps:
              - setWeight: 20
              - pause: {duration: 5m}
              - analysis:
                  templates:
                    - templateName: param-kernel-canary-health
              - setWeight: 50
              - pause: {duration: 10m}
              - analysis:
                  templates:
                    - templateName: param-kernel-canary-health
                    - templateName: other "quoted"
              - setWeight: 100
              - pause: {duration: 300}
              - pause: {}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata:
        name: param-kernel-canary-health
      """;

  @Test
  void digestSectionShowsEveryField() {
    String md =
        StepSummary.digestSection(
            "ghcr.io/acme/param-kernel-service", "0123abc", DIGEST, false, "registry");

    assertThat(md)
        .startsWith("### param-kernel image\n\n")
        .contains("| Image | `ghcr.io/acme/param-kernel-service` |\n")
        .contains("| Tag | `0123abc` |\n")
        .contains("| Digest | `" + DIGEST + "` |\n")
        .contains("| Fallback | no |\n")
        .contains("| Source | registry |\n")
        .contains("Image reference: `ghcr.io/acme/param-kernel-service@" + DIGEST + "`");
  }

  @Test
  void digestSectionMarksAFallbackAndAnOverride() {
    assertThat(StepSummary.digestSection("img", "latest", DIGEST, true, "registry"))
        .contains("| Tag | `latest` |")
        .contains("| Fallback | **yes**: the preferred tag does not exist in the registry |");
    assertThat(StepSummary.digestSection("img", null, DIGEST, false, "override"))
        .contains("| Tag | (none: digest given directly) |")
        .contains("| Source | override |");
  }

  @Test
  void digestSectionEscapesTableBreakers() {
    String md = StepSummary.digestSection("a|b", "t`x", DIGEST, false, "re|gistry\n");
    assertThat(md)
        .contains("| Image | `a\\|b` |")
        .contains("| Tag | ``t`x`` |")
        .contains("| Source | re\\|gistry  |");
  }

  @Test
  void readsTheCanaryStepsOfTheRolloutInOrder() {
    List<CanaryStep> steps = StepSummary.canarySteps(BUNDLE);

    assertThat(steps)
        .extracting(CanaryStep::label)
        .containsExactly(
            "setWeight 20%",
            "pause 5m",
            "analysis: param-kernel-canary-health",
            "setWeight 50%",
            "pause 10m",
            "analysis: param-kernel-canary-health, other \"quoted\"",
            "setWeight 100%",
            "pause 300s",
            "pause (until promoted)");
    assertThat(steps).extracting(CanaryStep::kind).startsWith("setWeight", "pause", "analysis");
  }

  @Test
  void canaryPlanIsAMermaidFlowchartFromLeftToRight() {
    String md =
        StepSummary.canaryPlan(
            """
            kind: Rollout
            spec:
              strategy:
                canary:
                  steps:
                    - setWeight: 20
                    - pause: {duration: 5m}
                    - analysis: {templates: [{templateName: health}]}
                    - setCanaryScale: {replicas: 2}
                    - experiment: {}
            """);

    assertThat(md)
        .isEqualTo(
            """
            ### param-kernel canary plan

            ```mermaid
            flowchart LR
              start([stable]) --> s1["setWeight 20%"] --> s2{{"pause 5m"}} --> s3[/"analysis: health"/] \
            --> s4["setCanaryScale replicas=2"] --> s5["experiment"] --> done([promoted: 100%])
            ```

            """);
  }

  @Test
  void quotesInLabelsAreEscapedForMermaid() {
    String mermaid = StepSummary.mermaid(StepSummary.canarySteps(BUNDLE));
    assertThat(mermaid)
        .contains("s6[/\"analysis: param-kernel-canary-health, other #quot;quoted#quot;\"/]");
    assertThat(mermaid.lines()).hasSize(2);
  }

  @Test
  void aRolloutWithoutStepsSaysSo() {
    String md = StepSummary.canaryPlan("kind: Rollout\nspec: {strategy: {canary: {}}}\n");
    assertThat(md).contains("no canary steps").doesNotContain("mermaid");
  }

  @Test
  void aBundleWithoutACanaryRolloutGetsANoteNotAnException() {
    assertThat(StepSummary.canaryPlan("kind: Service\n")).contains("holds no Rollout");
    assertThat(StepSummary.canaryPlan("kind: Rollout\nspec: {strategy: {blueGreen: {}}}\n"))
        .contains("no canary strategy (spec.strategy.canary)");
    assertThat(StepSummary.canaryPlan("a: [unclosed\n")).contains("not valid YAML");
    assertThatThrownBy(() -> StepSummary.canarySteps("kind: Service\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validationSectionForACleanRun() {
    assertThat(StepSummary.validationSection(0, 0, List.of()))
        .isEqualTo(
            """
            ### param-kernel validation

            passed: 0 errors, 0 warnings.

            """);
  }

  @Test
  void validationSectionListsTheFirstFindings() {
    List<String> findings =
        List.of(
            "rollout.yaml:12:7: error [image-digest] image is not pinned by digest",
            "rollout.yaml:40:3: warning [service-ref] Service x is not in the bundle");

    assertThat(StepSummary.validationSection(1, 1, findings))
        .isEqualTo(
            """
            ### param-kernel validation

            **failed**: 1 error, 1 warning.

            ```text
            rollout.yaml:12:7: error [image-digest] image is not pinned by digest
            rollout.yaml:40:3: warning [service-ref] Service x is not in the bundle
            ```

            """);
  }

  @Test
  void validationSectionCutsLongListsAndCannotBeClosedByAFinding() {
    List<String> findings = new ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      findings.add("f.yaml:" + i + ":1: error [x] bad ``` value");
    }
    String md = StepSummary.validationSection(13, 0, findings);

    assertThat(md)
        .contains("````text\n")
        .contains("f.yaml:10:1:")
        .doesNotContain("f.yaml:11:1:")
        .contains("… and 3 more (see the build log).");
  }

  @Test
  void contingencyBannerSaysWhatUntilWhenWhyAndHowToRevert() {
    String md =
        StepSummary.contingencyBanner(
            new StepSummary.ContingencyInfo(
                "param-kernel-canary-health",
                "latency-p95",
                "0.060",
                "0.08",
                "INC-1 | noisy\nfirst canary",
                "2026-12-20",
                "param-kernel.kitchen-cpq/contingency",
                "paramkernel.contingency.*"));
    assertThat(md)
        .isEqualTo(
            "### param-kernel contingency in effect\n\n"
                + "> [!WARNING]\n"
                + "> **Temporary widening:** the p95 failure bound of `latency-p95` in"
                + " `param-kernel-canary-health` is `0.08` s instead of the plan's `0.060` s, until"
                + " `2026-12-20` (UTC).\n"
                + ">\n"
                + "> Reason: INC-1 \\| noisy first canary\n"
                + ">\n"
                + "> The cluster shows it as the annotation `param-kernel.kitchen-cpq/contingency`"
                + " on the template. Revert by rendering again without"
                + " paramkernel.contingency.*.\n\n");
  }
}
