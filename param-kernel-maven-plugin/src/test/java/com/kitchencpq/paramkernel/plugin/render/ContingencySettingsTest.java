package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.core.ReleaseStrictness;
import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.P95Contingency;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContingencySettingsTest {
  /** 2026-12-06, late in the UTC day. */
  static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-06T23:30:00Z"), ZoneOffset.UTC);

  static final ReleaseStrictness FEATURE = ReleaseStrictness.of(null, Map.of(), "feature/x");
  private final ContingencySettings settings =
      new ContingencySettings(RolloutPlan.PARAM_KERNEL, TODAY);

  @Test
  void nothingSetIsNoContingency() throws Exception {
    assertThat(settings.read(null, null, null, FEATURE)).isEmpty();
    assertThat(settings.read(" ", "", null, FEATURE)).isEmpty();
  }

  @Test
  void readsValueReasonAndDate() throws Exception {
    P95Contingency c =
        settings.read(" 0.080 ", " INC-1 noisy ", "2026-12-06", FEATURE).orElseThrow();
    assertThat(c)
        .isEqualTo(
            new P95Contingency(
                new BigDecimal("0.08"), "INC-1 noisy", LocalDate.parse("2026-12-06")));
    assertThat(c.valueText()).isEqualTo("0.08");
    assertThat(c.annotationValue())
        .isEqualTo(
            "{\"p95FailureSeconds\":0.08,\"until\":\"2026-12-06\",\"reason\":\"INC-1"
                + " noisy\"}");
    assertThat(P95Contingency.parseAnnotation(c.annotationValue())).isEqualTo(c);
    // just below the largest finite bucket bound (10 s) a quantile can still exceed the bound
    String below = "9.9";
    assertThat(settings.read(below, "r", "2027-01-01", FEATURE).orElseThrow().valueText())
        .isEqualTo(below);
  }

  @Test
  void missingReasonOrDateNamesTheProperty() {
    assertThatThrownBy(() -> settings.read("0.08", null, "2026-12-20", FEATURE))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("paramkernel.contingency.reason is empty");
    assertThatThrownBy(() -> settings.read("0.08", "line one\nline two", "2026-12-20", FEATURE))
        .hasMessageStartingWith("paramkernel.contingency.reason contains a line break");
    assertThatThrownBy(() -> settings.read("0.08", "x".repeat(201), "2026-12-20", FEATURE))
        .hasMessageStartingWith("paramkernel.contingency.reason is longer than 200");
    assertThatThrownBy(() -> settings.read("0.08", "INC-1", null, FEATURE))
        .hasMessageStartingWith("paramkernel.contingency.until is not set")
        .hasMessageContaining("2026-12-13");
    assertThatThrownBy(() -> settings.read(null, "INC-1", null, FEATURE))
        .hasMessageStartingWith(
            "paramkernel.contingency.reason is set but"
                + " paramkernel.contingency.p95Failure is not");
    assertThatThrownBy(() -> settings.read(null, null, "2026-12-20", FEATURE))
        .hasMessageStartingWith(
            "paramkernel.contingency.until is set but"
                + " paramkernel.contingency.p95Failure is not");
  }

  @Test
  void unparsableValueOrDate() {
    assertThatThrownBy(() -> settings.read("80ms", "INC-1", "2026-12-20", FEATURE))
        .hasMessage(
            "paramkernel.contingency.p95Failure='80ms' is not a number of seconds;"
                + " write it like 0.08");
    assertThatThrownBy(() -> settings.read("0.08", "INC-1", "20.12.2026", FEATURE))
        .hasMessageStartingWith("paramkernel.contingency.until='20.12.2026' is not an ISO date");
  }

  @Test
  void dateInThePastIsRefusedTodayIsAccepted() throws Exception {
    assertThatThrownBy(() -> settings.read("0.08", "INC-1", "2026-12-05", FEATURE))
        .hasMessageStartingWith(
            "paramkernel.contingency.until=2026-12-05 is in the past"
                + " (today is 2026-12-06, UTC)");
    assertThat(settings.read("0.08", "INC-1", "2026-12-06", FEATURE)).isPresent();
  }

  @Test
  void valueMustWidenAndStayWithinTheBuckets() {
    assertThatThrownBy(() -> settings.read("0.060", "INC-1", "2026-12-20", FEATURE))
        .hasMessageStartingWith(
            "paramkernel.contingency.p95Failure=0.060 does not widen"
                + " the plan's p95 failure bound of 0.06 s");
    assertThatThrownBy(() -> settings.read("0.05", "INC-1", "2026-12-20", FEATURE))
        .hasMessageContaining("does not widen");
    String largest = Exprs.format(RolloutPlan.PARAM_KERNEL.largestBucket());
    double above = RolloutPlan.PARAM_KERNEL.largestBucket() * 1.5;
    for (String v : new String[] {largest, Exprs.format(above)}) {
      // histogram_quantile never exceeds the largest finite bound: result[0] > 10 is never true
      assertThatThrownBy(() -> settings.read(v, "INC-1", "2026-12-20", FEATURE))
          .as(v)
          .hasMessageContaining(
              "is not below "
                  + largest
                  + " s, the largest finite bucket bound of http_request_duration_seconds_bucket");
    }
  }

  @Test
  void refusedInStrictModeLikeResolveDigest() {
    ReleaseStrictness release =
        ReleaseStrictness.of(null, Map.of("GITHUB_REF_NAME", "release/1.0"), "main");
    assertThatThrownBy(() -> settings.read("0.08", "INC-1", "2026-12-20", release))
        .hasMessageStartingWith(
            "paramkernel.contingency.p95Failure, paramkernel.contingency.reason and"
                + " paramkernel.contingency.until are refused in strict mode (release branch"
                + " release/1.0)");
    ReleaseStrictness gitRelease = ReleaseStrictness.of(null, Map.of(), "release/2.3");
    assertThatThrownBy(() -> settings.read(null, "INC-1", null, gitRelease))
        .hasMessageContaining("strict mode (release branch release/2.3)");
    ReleaseStrictness explicit = ReleaseStrictness.of(true, Map.of(), "main");
    assertThatThrownBy(() -> settings.read("0.08", "INC-1", "2026-12-20", explicit))
        .hasMessageContaining("strict mode (paramkernel.strict=true)");
  }
}
