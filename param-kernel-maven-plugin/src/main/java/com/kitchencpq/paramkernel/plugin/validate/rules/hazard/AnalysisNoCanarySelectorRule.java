package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;

/**
 * Hazard: a query run by a canary Rollout's analysis has no selector on the canary at all: none of
 * its label matchers names the Rollout's {@code canaryService} (literally or through an arg) or the
 * canary's pod-template hash (an arg from {@code podTemplateHashValue: Latest}). It then measures
 * whatever the other labels select (every pod of the service, every service of the cluster), and
 * the canary's own numbers are diluted or absent. Said only when every matcher value is known; a
 * value only known at run time (a {@code fieldRef}, a secret) may well be the canary.
 */
public final class AnalysisNoCanarySelectorRule extends BaseRule {
  public AnalysisNoCanarySelectorRule() {
    super(
        "hazard.analysis-no-canary-selector",
        "An analysis query of a canary Rollout must select the canary (its Service or its"
            + " pod-template hash).");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (Bindings.Bound b : Bindings.of(ctx)) {
      if (b.matches().isEmpty() && !b.metric().view().query().text("").contains("{")) {
        continue; // a query without any selector braces (vector(1), time()) reads no pods at all
      }
      boolean canary =
          b.any(Bindings.Selects.CANARY_SERVICE) || b.any(Bindings.Selects.LATEST_HASH);
      boolean undecided =
          b.any(Bindings.Selects.UNKNOWN)
              || b.any(Bindings.Selects.OTHER_SERVICE)
              || b.any(Bindings.Selects.STABLE_HASH);
      if (canary || undecided) {
        continue;
      }
      String canaryService = b.rollout().canary().get("canaryService").text("");
      out.hazard(
          b.metric().view().query(),
          "query of "
              + b.metric().label()
              + ", run by the analysis of Rollout '"
              + b.rollout().name()
              + "', has no selector on the canary: no label matcher names "
              + (canaryService.isEmpty()
                  ? "a canaryService (the Rollout has none)"
                  : "its canaryService '" + canaryService + "'")
              + " or the canary's pod-template hash, so it measures stable and canary pods together"
              + " (or other workloads) and a bad canary is diluted by the rest; add service=\""
              + (canaryService.isEmpty() ? "<canaryService>" : canaryService)
              + "\" (or an arg the Rollout sets to it),"
              + " or rollouts_pod_template_hash=\"{{args.latest-hash}}\" with the arg from"
              + " valueFrom.podTemplateHashValue: Latest");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a query run by a canary Rollout's analysis whose label matchers name neither its"
                + " `canaryService` (literally or through an arg) nor the canary's pod-template"
                + " hash (an arg from `podTemplateHashValue: Latest`); not said when a matcher"
                + " value is only known at run time")
        .why(
            "the query measures every pod (or every workload): the canary's numbers are diluted "
                + "by the stable pods and a bad canary passes")
        .fix(
            "Select the canary: `service=\"{{args.service-name}}\"` with the arg set to the "
                + "`canaryService`, or `rollouts_pod_template_hash=\"{{args.latest-hash}}\"` with "
                + "`valueFrom.podTemplateHashValue: Latest`.");
  }
}
