package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.render.ContingencyEdit;
import com.kitchencpq.paramkernel.plugin.render.Template;
import com.kitchencpq.paramkernel.plugin.render.TemplateRenderer;
import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.Severity;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.plugin.validate.ValidationOptions;
import com.kitchencpq.paramkernel.plugin.validate.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * validate's verdicts on the p95 failure bound of the shipped bundle, rendered with and without a
 * contingency: declared, expired, undeclared and mismatched widenings.
 */
class ContingencyVerdictTest {
  static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
  static final Clock DEC_06 = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
  static final Clock DEC_20_LATE =
      Clock.fixed(Instant.parse("2026-12-20T23:59:59Z"), ZoneOffset.UTC);
  static final Clock DEC_21 = Clock.fixed(Instant.parse("2026-12-21T00:00:00Z"), ZoneOffset.UTC);
  static final P95Contingency WIDENED =
      new P95Contingency(
          new BigDecimal("0.08"), "INC-4711 noisy first canary", LocalDate.parse("2026-12-20"));
  static final String WIDE = "result[0] > 0.08\n";

  private static String without;
  private static String declared;

  @BeforeAll
  static void render() throws Exception {
    without = new TemplateRenderer().render(Template.embeddedDefault(), DIGEST, List.of()).text();
    declared =
        new ContingencyEdit(RolloutPlan.PARAM_KERNEL)
            .apply("rollout.yaml", without, WIDENED)
            .text();
  }

  private static int line(String yaml, String text) {
    int at = yaml.indexOf(text);
    assertThat(at).as(text).isNotNegative();
    return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static List<Finding> latency(Clock clock, String yaml) {
    return runPlan(new LatencyMetricRule(clock), yaml);
  }

  @Test
  void withoutContingencyTheRuleIsSilent() {
    assertThat(latency(DEC_06, without)).isEmpty();
  }

  @Test
  void declaredUnexpiredIsAWarningNamingReasonAndDate() {
    List<Finding> f = latency(DEC_06, declared);
    assertThat(summary(f))
        .containsExactly("plan.latency-metric@" + line(declared, WIDE) + ":warning");
    assertThat(f.get(0).message())
        .isEqualTo(
            "metric 'latency-p95' runs under a declared contingency until 2026-12-20 (reason:"
                + " INC-4711 noisy first canary): failure when p95 is above 0.08 s instead of the"
                + " plan's 0.06 s; to revert, render again without the paramkernel.contingency.*"
                + " properties");
    // the whole day of `until` counts
    assertThat(summary(latency(DEC_20_LATE, declared)))
        .containsExactly("plan.latency-metric@" + line(declared, WIDE) + ":warning");
  }

  @Test
  void declaredContingencyIsTheOnlyFindingOfAllRulesWithPlanChecks() {
    List<Finding> all =
        new Validator()
            .validateSources(
                List.of(new SourceText("rollout.yaml", declared)), ValidationOptions.of(true))
            .findings();
    List<Finding> before =
        new Validator()
            .validateSources(
                List.of(new SourceText("rollout.yaml", without)), ValidationOptions.of(true))
            .findings();
    assertThat(before).isEmpty();
    // with the default (system) clock: 2026-12-20 may have passed when this runs, so only the
    // rule and the line are fixed here; the verdict by date is pinned above
    assertThat(all)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("plan.latency-metric");
              assertThat(f.line())
                  .isIn(line(declared, WIDE), line(declared, P95Contingency.ANNOTATION));
            });
  }

  @Test
  void expiredIsAnErrorAtTheAnnotation() {
    List<Finding> f = latency(DEC_21, declared);
    assertThat(summary(f))
        .containsExactly(
            "plan.latency-metric@" + line(declared, P95Contingency.ANNOTATION) + ":error");
    assertThat(f.get(0).message())
        .contains("expired on 2026-12-20 (today is 2026-12-21, UTC)")
        .contains("reason: INC-4711 noisy first canary")
        .contains("render again without the paramkernel.contingency.* properties");
  }

  @Test
  void undeclaredWideningIsAnError() {
    String yaml = without.replace("result[0] > 0.060\n", WIDE);
    List<Finding> f = latency(DEC_06, yaml);
    assertThat(summary(f)).containsExactly("plan.latency-metric@" + line(yaml, WIDE) + ":error");
    assertThat(f.get(0).message())
        .contains(
            "widens the p95 failure bound to 0.08 s without the"
                + " contingency annotation "
                + P95Contingency.ANNOTATION)
        .contains("result[0] > 0.06");
  }

  @Test
  void annotationThatDisagreesWithTheBoundIsAnError() {
    String handEdited = declared.replace(WIDE, "result[0] > 0.1\n");
    List<Finding> f = latency(DEC_06, handEdited);
    assertThat(summary(f))
        .containsExactly("plan.latency-metric@" + line(handEdited, "result[0] > 0.1\n") + ":error");
    assertThat(f.get(0).message())
        .contains("tests result[0] > 0.1, but annotation")
        .contains("declares a contingency bound of 0.08 s; the two must agree");

    String revertedByHand = declared.replace(WIDE, "result[0] > 0.060\n");
    assertThat(latency(DEC_06, revertedByHand))
        .singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR))
        .satisfies(x -> assertThat(x.message()).contains("tests result[0] > 0.06, but annotation"));
  }

  @Test
  void boundAboveTheHistogramBucketsIsAnErrorDeclaredOrNot() {
    // the largest finite bound itself can never be exceeded either
    String above = Exprs.format(RolloutPlan.PARAM_KERNEL.largestBucket());
    String declaredAbove =
        declared
            .replace(WIDE, "result[0] > " + above + "\n")
            .replace("\"p95FailureSeconds\":0.08", "\"p95FailureSeconds\":" + above);
    List<Finding> f = latency(DEC_06, declaredAbove);
    assertThat(summary(f))
        .containsExactly("plan.latency-metric@" + line(declared, WIDE) + ":error");
    assertThat(f.get(0).message())
        .contains("the largest finite bucket bound of " + "http_request_duration_seconds_bucket");

    String undeclaredAbove = without.replace("result[0] > 0.060\n", "result[0] > " + above + "\n");
    assertThat(latency(DEC_06, undeclaredAbove))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .contains("without the contingency annotation")
                    .contains("the largest finite bucket bound"));
  }

  @Test
  void malformedOrNarrowingAnnotationIsAnError() {
    String garbled = declared.replace("\"until\":\"2026-12-20\"", "\"until\":\"soon\"");
    assertThat(latency(DEC_06, garbled))
        .singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR))
        .satisfies(x -> assertThat(x.message()).contains("has no ISO date until"));

    String narrowing =
        declared
            .replace(WIDE, "result[0] > 0.05\n")
            .replace("\"p95FailureSeconds\":0.08", "\"p95FailureSeconds\":0.05");
    assertThat(latency(DEC_06, narrowing))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("does not widen the plan's 0.06 s"));
  }
}
