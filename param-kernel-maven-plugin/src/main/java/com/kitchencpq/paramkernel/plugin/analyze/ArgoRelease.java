package com.kitchencpq.paramkernel.plugin.analyze;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Argo Rollouts releases whose AnalysisRun semantics the analysis follows, chosen with
 * {@code paramkernel.validate.argoVersion} (the same setting validate reads). Each fact below was
 * read in the release's tag; everything not listed is the same from v1.7.2 to v1.10.0-rc1
 * ({@code analysis/analysis.go}, {@code utils/analysis/helpers.go}, {@code utils/template/template.go},
 * {@code metricproviders/prometheus/prometheus.go}).
 *
 * <table>
 *   <caption>What differs</caption>
 *   <tr><th>fact</th><th>1.7 (v1.7.2)</th><th>1.8 (v1.8.3), 1.9 (v1.9.1)</th><th>1.10 (v1.10.0-rc1)</th></tr>
 *   <tr><td>{@code consecutiveSuccessLimit} (assessMetricStatus, ValidateMetric)</td><td>no such field</td>
 *       <td>yes</td><td>yes</td></tr>
 *   <tr><td>{@code failureLimit: -1} disables the failure limit (assessMetricFailureInconclusiveOrError)</td>
 *       <td>no: ValidateMetric rejects a negative limit</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>Prometheus {@code rangeQuery} (prometheus.go executeQuery)</td><td>no such field</td>
 *       <td>yes</td><td>yes</td></tr>
 *   <tr><td>condition errors wrapped as {@code could not evaluate successCondition "..."}
 *       (utils/evaluate/evaluate.go formatEvalError)</td><td>no</td><td>no</td><td>yes</td></tr>
 *   <tr><td>expression engine (go.mod)</td><td colspan="2">antonmedv/expr v1.15.5</td>
 *       <td>expr-lang/expr v1.17.7</td></tr>
 * </table>
 */
public enum ArgoRelease {
  V1_7("1.7", "v1.7.2"),
  V1_8("1.8", "v1.8.3"),
  V1_9("1.9", "v1.9.1"),
  V1_10("1.10", "v1.10.0-rc1");

  /** The default, as for validate. */
  public static final ArgoRelease DEFAULT = V1_9;

  private final String version;
  private final String tag;

  ArgoRelease(String version, String tag) {
    this.version = version;
    this.tag = tag;
  }

  /** {@code 1.9}. */
  public String version() {
    return version;
  }

  /** The upstream tag the facts were read from. */
  public String tag() {
    return tag;
  }

  /** The release for {@code 1.9}, {@code v1.9} or {@code 1.9.1}. */
  public static Optional<ArgoRelease> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("v")) {
      t = t.substring(1);
    }
    String[] parts = t.split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    String minor = parts[0] + "." + parts[1];
    return Arrays.stream(values()).filter(r -> r.version.equals(minor)).findFirst();
  }

  /** {@code 1.7, 1.8, 1.9, 1.10}, for messages. */
  public static String known() {
    return Arrays.stream(values()).map(ArgoRelease::version).collect(Collectors.joining(", "));
  }

  /** Whether the release knows {@code consecutiveSuccessLimit} (added in v1.8). */
  boolean hasConsecutiveSuccessLimit() {
    return this != V1_7;
  }

  /** Whether {@code failureLimit: -1} disables the failure limit (v1.8 on). */
  boolean failureLimitCanBeDisabled() {
    return this != V1_7;
  }

  /** Whether the Prometheus provider knows {@code rangeQuery} (v1.8 on). */
  boolean hasRangeQuery() {
    return this != V1_7;
  }

  /** Whether condition errors carry the condition and the no-data explanation (v1.10). */
  boolean wrapsEvaluationErrors() {
    return this == V1_10;
  }

  @Override
  public String toString() {
    return version;
  }
}
