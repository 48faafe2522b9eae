package com.kitchencpq.paramkernel.plugin.analyze;

import java.util.List;
import java.util.Set;

/**
 * An AnalysisRun ready to reconcile: every metric with its arguments substituted, in the run's
 * order, which of them this tool measures, the dry-run metrics, and the values to mask.
 *
 * @param metrics every metric of the run (templates first, then cluster templates, as upstream
 *     flattens them)
 * @param runnable the names of the Prometheus metrics, the ones measured here
 * @param dryRun the names of the dry-run metrics
 * @param specError non-empty when the controller would put the run in Error before any measurement
 *     ({@code Unable to resolve metric arguments: ...}, {@code Analysis spec invalid: ...}); {@code
 *     metrics} is then what could be read
 * @param secrets values standing in for Secret contents, masked in every message
 */
record RunPlan(
    List<MetricSpec> metrics,
    Set<String> runnable,
    Set<String> dryRun,
    String specError,
    Set<String> secrets) {

  RunPlan {
    metrics = List.copyOf(metrics);
    runnable = Set.copyOf(runnable);
    dryRun = Set.copyOf(dryRun);
    specError = specError == null ? "" : specError;
    secrets = Set.copyOf(secrets);
  }

  /** The metrics measured here, in the run's order. */
  List<MetricSpec> runnableMetrics() {
    return metrics.stream().filter(m -> runnable.contains(m.name())).toList();
  }

  /** {@code s} with every secret value replaced by {@code *****}, as upstream redacts messages. */
  String redact(String s) {
    String out = s;
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        out = out.replace(secret, "*****");
      }
    }
    return out;
  }
}
