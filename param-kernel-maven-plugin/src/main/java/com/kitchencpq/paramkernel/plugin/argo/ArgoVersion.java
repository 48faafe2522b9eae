package com.kitchencpq.paramkernel.plugin.argo;

import com.kitchencpq.paramkernel.plugin.expr.ExprVersion;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Argo Rollouts releases the checks know, and what differs between them: one table, each row
 * read from the upstream tag it names (argoproj/argo-rollouts).
 *
 * <table>
 *   <caption>Per-version facts</caption>
 *   <tr><th>version</th><th>tag read</th><th>expression engine (go.mod; imported by
 *       utils/evaluate/evaluate.go)</th><th>fields added (manifests/crds/*-crd.yaml, pkg/apis/rollouts/v1alpha1)</th></tr>
 *   <tr><td>1.7</td><td>v1.7.2</td><td>github.com/antonmedv/expr v1.15.5</td><td>(the base)</td></tr>
 *   <tr><td>1.8</td><td>v1.8.3</td><td>github.com/antonmedv/expr v1.15.5</td><td>canary step {@code plugin};
 *       nginx {@code canaryIngressAnnotations}; metric {@code consecutiveSuccessLimit}; Prometheus
 *       {@code rangeQuery}; Datadog {@code secretRef}; New Relic {@code timeout}</td></tr>
 *   <tr><td>1.9</td><td>v1.9.1</td><td>github.com/antonmedv/expr v1.15.5</td><td>canary
 *       {@code replicaProgressThreshold}; experiment step {@code scaleDownDelaySeconds}; Istio
 *       {@code destinationRule.additionalSubsetNames}; Job {@code managedBy}, {@code successPolicy};
 *       Kayenta {@code lookback}</td></tr>
 *   <tr><td>1.10</td><td>v1.10.0-rc1 (a release candidate)</td><td>github.com/expr-lang/expr v1.17.7</td>
 *       <td>Datadog {@code requestTimeout}</td></tr>
 * </table>
 *
 * <p>Also from 1.8: {@code failureLimit: -1} disables the failure limit ({@code ValidateMetric} in
 * {@code utils/analysis/factory.go}; v1.7.2 requires a failureLimit of 0 or more), an AnalysisRun
 * counts {@code consecutiveSuccessLimit} ({@code assessMetricStatus} in {@code
 * analysis/analysis.go}) and the Prometheus provider runs {@code rangeQuery} ({@code executeQuery}
 * in {@code metricproviders/prometheus/prometheus.go}). From 1.10 a condition's evaluation error
 * names the condition ({@code could not evaluate successCondition "..."}, {@code formatEvalError}
 * in {@code utils/evaluate/evaluate.go}).
 *
 * <p>Unchanged from v1.7.2 to v1.10.0-rc1, so not in the table: the defaults the checks use ({@code
 * utils/defaults/defaults.go}: replicas 1, maxSurge and maxUnavailable 25 %, consecutiveErrorLimit
 * 4), the measurement decision ({@code utils/evaluate/evaluate.go}, {@code EvaluateResult}), the
 * helpers a condition sees ({@code EvalCondition}: {@code result, asInt, asFloat, isNaN, isInf,
 * isNil, default}), and the selector Argo writes into the stable and canary Services ({@code
 * rollout/service.go}). v1.8.4 has the same CRDs and go.mod as v1.8.3. Fields of master after
 * v1.10.0-rc1 (Prometheus and web {@code basicAuth}) are in no known version.
 *
 * <p>1.10 is accepted although only a release candidate exists: its engine (expr 1.17, whose {@code
 * max}/{@code min} take lists) is what people who run it need checked, and the rc's CRDs and go.mod
 * are what a final 1.10.0 would start from. It is not the default, and the help says its facts come
 * from the candidate.
 */
public enum ArgoVersion {
  V1_7("1.7", "v1.7.2", ExprVersion.V1_15_5, false),
  V1_8("1.8", "v1.8.3", ExprVersion.V1_15_5, false),
  V1_9("1.9", "v1.9.1", ExprVersion.V1_15_5, false),
  V1_10("1.10", "v1.10.0-rc1", ExprVersion.V1_17_7, true);

  /** The default: the newest release (not a release candidate). */
  public static final ArgoVersion DEFAULT = V1_9;

  /**
   * Fields by the version that added them, as CRD paths ({@code Kind.field.sub}, {@code []} for
   * list items; ClusterAnalysisTemplate is written AnalysisTemplate: its CRD is the same at every
   * tag). Found by listing the properties of {@code manifests/crds/rollout-crd.yaml} and {@code
   * analysis-template-crd.yaml} at each tag and comparing.
   */
  private static final Map<String, ArgoVersion> ADDED_IN = new LinkedHashMap<>();

  static {
    String step = "Rollout.spec.strategy.canary.steps[]";
    String metric = "AnalysisTemplate.spec.metrics[]";
    ADDED_IN.put(step + ".plugin", V1_8);
    ADDED_IN.put(
        "Rollout.spec.strategy.canary.trafficRouting.nginx.canaryIngressAnnotations", V1_8);
    ADDED_IN.put(metric + ".consecutiveSuccessLimit", V1_8);
    ADDED_IN.put(metric + ".provider.prometheus.rangeQuery", V1_8);
    ADDED_IN.put(metric + ".provider.datadog.secretRef", V1_8);
    ADDED_IN.put(metric + ".provider.newRelic.timeout", V1_8);
    ADDED_IN.put("Rollout.spec.strategy.canary.replicaProgressThreshold", V1_9);
    ADDED_IN.put(step + ".experiment.scaleDownDelaySeconds", V1_9);
    ADDED_IN.put(
        "Rollout.spec.strategy.canary.trafficRouting.istio.destinationRule.additionalSubsetNames",
        V1_9);
    ADDED_IN.put(metric + ".provider.job.spec.managedBy", V1_9);
    ADDED_IN.put(metric + ".provider.job.spec.successPolicy", V1_9);
    ADDED_IN.put(metric + ".provider.kayenta.lookback", V1_9);
    ADDED_IN.put(metric + ".provider.datadog.requestTimeout", V1_10);
  }

  /** The last segment of every path in {@link #ADDED_IN}, to skip the rest cheaply. */
  private static final java.util.Set<String> ADDED_NAMES =
      ADDED_IN.keySet().stream()
          .map(p -> p.substring(p.lastIndexOf('.') + 1))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final String version;
  private final String tag;
  private final ExprVersion expr;
  private final boolean releaseCandidate;

  ArgoVersion(String version, String tag, ExprVersion expr, boolean releaseCandidate) {
    this.version = version;
    this.tag = tag;
    this.expr = expr;
    this.releaseCandidate = releaseCandidate;
  }

  /** {@code 1.9}. */
  public String version() {
    return version;
  }

  /** The upstream tag the facts were read from, e.g. {@code v1.9.1}. */
  public String tag() {
    return tag;
  }

  /** The expression engine this release evaluates conditions with. */
  public ExprVersion expr() {
    return expr;
  }

  /**
   * Whether {@code failureLimit: -1} disables the failure limit: from 1.8 ({@code
   * utils/analysis/factory.go}, {@code ValidateMetric}: v1.7.2 rejects any negative failureLimit
   * with "failureLimit must be >= 0").
   */
  public boolean failureLimitMayBeDisabled() {
    return this != V1_7;
  }

  /** Whether an AnalysisRun counts {@code consecutiveSuccessLimit} (from 1.8). */
  public boolean hasConsecutiveSuccessLimit() {
    return this != V1_7;
  }

  /** Whether the Prometheus provider knows {@code rangeQuery} (from 1.8). */
  public boolean hasRangeQuery() {
    return this != V1_7;
  }

  /** Whether condition errors carry the condition and the no-data explanation (1.10). */
  public boolean wrapsEvaluationErrors() {
    return this == V1_10;
  }

  /** Whether only a release candidate of this version exists. */
  public boolean releaseCandidate() {
    return releaseCandidate;
  }

  /** {@code Argo Rollouts 1.9 (v1.9.1)}, for messages. */
  public String label() {
    return "Argo Rollouts " + version + " (" + tag + ")";
  }

  /**
   * The version that added the field at {@code crdPath} ({@code
   * Rollout.spec.strategy.canary.steps[].plugin}), when it is younger than 1.7; empty for fields
   * every known version has.
   */
  public static Optional<ArgoVersion> addedIn(String crdPath) {
    return Optional.ofNullable(ADDED_IN.get(crdPath));
  }

  /**
   * Whether some version after 1.7 added a field named {@code field} (somewhere): a cheap
   * pre-check.
   */
  public static boolean mayBeAdded(String field) {
    return ADDED_NAMES.contains(field);
  }

  /** Whether this version knows the field at {@code crdPath}. */
  public boolean knows(String crdPath) {
    ArgoVersion since = ADDED_IN.get(crdPath);
    return since == null || since.ordinal() <= ordinal();
  }

  /**
   * The version for {@code 1.9} or {@code v1.9}; a patch ({@code 1.9.1}) selects its minor version.
   */
  public static Optional<ArgoVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("v")) {
      t = t.substring(1);
    }
    String[] parts = t.split("\\.", -1);
    if (parts.length < 2 || parts.length > 3) {
      return Optional.empty();
    }
    for (String p : parts) {
      if (p.isEmpty() || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
    }
    String minor = Integer.parseInt(parts[0]) + "." + Integer.parseInt(parts[1]);
    return Arrays.stream(values()).filter(v -> v.version.equals(minor)).findFirst();
  }

  /**
   * The known versions for help and error texts: {@code 1.7, 1.8, 1.9 (default), 1.10 (release
   * candidate v1.10.0-rc1)}.
   */
  public static String known() {
    return Arrays.stream(values())
        .map(
            v ->
                v.version
                    + (v == DEFAULT ? " (default)" : "")
                    + (v.releaseCandidate ? " (release candidate " + v.tag + ")" : ""))
        .collect(Collectors.joining(", "));
  }
}
