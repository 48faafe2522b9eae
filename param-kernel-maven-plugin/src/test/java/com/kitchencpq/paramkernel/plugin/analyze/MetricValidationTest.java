package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code ValidateMetrics} on the cases of {@code TestValidateMetrics} in {@code
 * utils/analysis/factory_test.go} (v1.9.1), plus v1.7.2's variant, and {@code TestGetDryRunMetrics}
 * of {@code utils/analysis/helpers_test.go}.
 */
class MetricValidationTest {
  private static final ArgoVersion V19 = ArgoVersion.V1_9;

  private static MetricSpec prometheus(MetricSpec m) {
    return new MetricSpec(
        m.name(),
        m.template(),
        m.interval(),
        m.initialDelay(),
        m.count(),
        m.failureLimit(),
        m.inconclusiveLimit(),
        m.consecutiveErrorLimit(),
        m.consecutiveSuccessLimit(),
        "",
        "",
        List.of("prometheus"),
        null);
  }

  private static Optional<String> validate(Metrics.Builder b) {
    return MetricValidation.validateMetrics(List.of(prometheus(b.build())), V19);
  }

  @Test
  void testValidateMetrics() {
    // Ensure count >= failureLimit + consecutiveSuccessLimit
    assertThat(validate(Metrics.metric("success-rate").count(1).failureLimit(2)))
        .contains(
            "metrics[0]: count (1) must be >= failureLimit + consecutiveSuccessLimit (2 + 0) if"
                + " both >= 0");
    // Ensure count must be >= inconclusiveLimit
    assertThat(validate(Metrics.metric("success-rate").count(1).inconclusiveLimit(2)))
        .contains("metrics[0]: count must be >= inconclusiveLimit");
    // Validate metric
    assertThat(validate(Metrics.metric("success-rate").count(2).interval("60s").failureLimit(2)))
        .isEmpty();
    // Ensure valid internal string
    assertThat(
            validate(Metrics.metric("success-rate").count(2).interval("60s-typo").failureLimit(2)))
        .contains(
            "metrics[0]: invalid interval string: time: unknown unit \"s-typo\" in duration"
                + " \"60s-typo\"");
    // Ensure valid initialDelay string
    assertThat(
            validate(
                Metrics.metric("success-rate")
                    .count(2)
                    .interval("60s")
                    .initialDelay("60s-typo")
                    .failureLimit(2)))
        .contains(
            "metrics[0]: invalid startDelay string: time: unknown unit \"s-typo\" in duration"
                + " \"60s-typo\"");
    // Ensure metric provider listed
    assertThat(MetricValidation.validateMetrics(List.of(), V19)).contains("no metrics specified");
    // Ensure interval set when count > 1
    assertThat(validate(Metrics.metric("success-rate").count(2)))
        .contains("metrics[0]: interval must be specified when count > 1");
    // Ensure no duplicate metric names
    MetricSpec m = prometheus(Metrics.metric("success-rate").build());
    assertThat(MetricValidation.validateMetrics(List.of(m, m), V19))
        .contains("metrics[1]: duplicate name 'success-rate'");
    // Ensure failureLimit >= -1
    assertThat(validate(Metrics.metric("success-rate").failureLimit(-2)))
        .contains("metrics[0]: failureLimit must be >= 0, or -1 to be disabled");
    // Ensure inconclusiveLimit >= 0
    assertThat(validate(Metrics.metric("success-rate").inconclusiveLimit(-1)))
        .contains("metrics[0]: inconclusiveLimit must be >= 0");
    // Ensure consecutiveErrorLimit >= 0
    assertThat(validate(Metrics.metric("success-rate").consecutiveErrorLimit(-1)))
        .contains("metrics[0]: consecutiveErrorLimit must be >= 0");
    // Ensure metric has provider
    assertThat(
            MetricValidation.validateMetrics(
                List.of(Metrics.metric("success-rate").count(1).build().withPrometheus(null))
                    .stream()
                    .map(
                        x ->
                            new MetricSpec(
                                x.name(),
                                x.template(),
                                "",
                                "",
                                x.count(),
                                null,
                                null,
                                null,
                                null,
                                "",
                                "",
                                List.of(),
                                null))
                    .toList(),
                V19))
        .contains("metrics[0]: no provider specified");
    // Ensure metric does not have more than 1 provider
    assertThat(
            MetricValidation.validateMetrics(
                List.of(
                    new MetricSpec(
                        "success-rate",
                        "t",
                        "",
                        "",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "",
                        "",
                        List.of("prometheus", "job"),
                        null)),
                V19))
        .contains("metrics[0]: multiple providers specified");
    // Ensure consecutiveSuccessLimit >= 0
    assertThat(validate(Metrics.metric("success-rate").consecutiveSuccessLimit(-1)))
        .contains("metrics[0]: consecutiveSuccessLimit must be >= 0");
    // Ensure consecutiveSuccessLimit and failureLimit are not both disabled
    assertThat(validate(Metrics.metric("success-rate").consecutiveSuccessLimit(0).failureLimit(-1)))
        .contains("metrics[0]: failureLimit and consecutiveSuccessLimit cannot both be disabled");
  }

  @Test
  void v17RejectsEveryNegativeFailureLimitAndKnowsNoSuccessLimit() {
    // v1.7.2 utils/analysis/factory.go ValidateMetric
    MetricSpec m =
        prometheus(Metrics.metric("m").failureLimit(-1).consecutiveSuccessLimit(3).build());
    assertThat(MetricValidation.validateMetrics(List.of(m), ArgoVersion.V1_7))
        .contains("metrics[0]: failureLimit must be >= 0");
    assertThat(
            MetricValidation.validateMetrics(
                List.of(prometheus(Metrics.metric("m").count(1).failureLimit(2).build())),
                ArgoVersion.V1_7))
        .contains("metrics[0]: count must be >= failureLimit");
  }

  @Test
  void testGetDryRunMetrics() {
    List<MetricSpec> metrics =
        List.of(
            Metrics.metric("success-rate").build(),
            Metrics.metric("error-rate").build(),
            Metrics.metric("latency").build());
    assertThat(MetricValidation.dryRunMetrics(List.of(".*-rate"), metrics))
        .containsExactly("success-rate", "error-rate");
    assertThat(MetricValidation.dryRunMetrics(List.of("latency"), metrics))
        .containsExactly("latency");
    assertThatThrownBy(() -> MetricValidation.dryRunMetrics(List.of("latency", "nothing"), metrics))
        .hasMessage("dryRun[1]: Rule didn't match any metric name(s)");
    // "*" does not compile as a regular expression, so it matches nothing (regexp.MatchString's
    // error is ignored)
    assertThatThrownBy(() -> MetricValidation.dryRunMetrics(List.of("*"), metrics))
        .hasMessage("dryRun[0]: Rule didn't match any metric name(s)");
  }
}
