package com.kitchencpq.paramkernel.plugin.argo;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.expr.ExprVersion;
import org.junit.jupiter.api.Test;

class ArgoVersionTest {
  @Test
  void parsesMinorVersionsWithOrWithoutVAndPatch() {
    assertThat(ArgoVersion.parse("1.9")).hasValue(ArgoVersion.V1_9);
    assertThat(ArgoVersion.parse("v1.7")).hasValue(ArgoVersion.V1_7);
    assertThat(ArgoVersion.parse(" 1.8.4 ")).hasValue(ArgoVersion.V1_8);
    assertThat(ArgoVersion.parse("1.10")).hasValue(ArgoVersion.V1_10);
    assertThat(ArgoVersion.parse("1.6")).isEmpty();
    assertThat(ArgoVersion.parse("1.1")).isEmpty();
    assertThat(ArgoVersion.parse("2")).isEmpty();
    assertThat(ArgoVersion.parse("1.x")).isEmpty();
    assertThat(ArgoVersion.parse(null)).isEmpty();
  }

  @Test
  void theDefaultIsTheNewestReleaseAndTheKnownListSaysWhichIsACandidate() {
    assertThat(ArgoVersion.DEFAULT).isEqualTo(ArgoVersion.V1_9);
    assertThat(ArgoVersion.known())
        .isEqualTo("1.7, 1.8, 1.9 (default), 1.10 (release candidate v1.10.0-rc1)");
  }

  /**
   * go.mod of v1.7.2, v1.8.3 and v1.9.1: antonmedv/expr v1.15.5; of v1.10.0-rc1: expr-lang/expr
   * v1.17.7.
   */
  @Test
  void engines() {
    assertThat(ArgoVersion.V1_7.expr()).isEqualTo(ExprVersion.V1_15_5);
    assertThat(ArgoVersion.V1_9.expr().label()).isEqualTo("github.com/antonmedv/expr v1.15.5");
    assertThat(ArgoVersion.V1_10.expr().label()).isEqualTo("github.com/expr-lang/expr v1.17.7");
  }

  @Test
  void fieldsAreKnownFromTheVersionThatAddedThem() {
    String range = "AnalysisTemplate.spec.metrics[].provider.prometheus.rangeQuery";
    assertThat(ArgoVersion.V1_7.knows(range)).isFalse();
    assertThat(ArgoVersion.V1_8.knows(range)).isTrue();
    assertThat(ArgoVersion.addedIn(range)).hasValue(ArgoVersion.V1_8);
    assertThat(
            ArgoVersion.V1_9.knows(
                "AnalysisTemplate.spec.metrics[].provider.datadog.requestTimeout"))
        .isFalse();
    assertThat(ArgoVersion.V1_7.knows("Rollout.spec.strategy.canary.canaryService")).isTrue();
    assertThat(ArgoVersion.V1_7.failureLimitMayBeDisabled()).isFalse();
    assertThat(ArgoVersion.V1_8.failureLimitMayBeDisabled()).isTrue();
  }
}
