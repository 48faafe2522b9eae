package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hazard: a query of a canary Rollout's analysis selects its series by a Service of the Rollout
 * that is not its {@code canaryService} (the stableService, or a client Service that selects every
 * pod), with nothing in the same selector that narrows it to the canary's pods (a pod-template
 * hash). It then judges the stable pods, or stable and canary together, and a bad canary can pass
 * on the stable pods' numbers. The value usually comes from an analysis arg the Rollout sets
 * ({@code service-name: param-kernel-service} instead of {@code param-kernel-service-canary}); the
 * finding is reported there.
 */
public final class AnalysisWrongServiceRule extends BaseRule {
  public AnalysisWrongServiceRule() {
    super(
        "hazard.analysis-wrong-service",
        "An analysis query must select the canary Service, not another Service of the Rollout.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    // one finding per place the value is set, naming every metric that reads it
    Map<String, List<String>> metrics = new LinkedHashMap<>();
    Map<String, String> first = new LinkedHashMap<>();
    Map<String, YamlNode> nodes = new LinkedHashMap<>();
    for (Bindings.Bound b : Bindings.of(ctx)) {
      for (Bindings.Match m : b.matches()) {
        if (m.selects() != Bindings.Selects.OTHER_SERVICE || narrowedByHash(b, m.selector())) {
          continue;
        }
        YamlNode at = m.arg().map(Bindings.Arg::node).orElse(b.metric().view().query());
        String key = at.file() + ":" + at.line() + ":" + at.column();
        nodes.putIfAbsent(key, at);
        List<String> names = metrics.computeIfAbsent(key, k -> new ArrayList<>());
        if (!names.contains(b.metric().view().name())) {
          names.add(b.metric().view().name());
        }
        first.computeIfAbsent(key, k -> message(b, m));
      }
    }
    for (Map.Entry<String, List<String>> e : metrics.entrySet()) {
      out.hazard(
          nodes.get(e.getKey()),
          "the quer"
              + (e.getValue().size() == 1 ? "y" : "ies")
              + " of metric"
              + (e.getValue().size() == 1 ? " '" : "s '")
              + String.join("', '", e.getValue())
              + "' "
              + first.get(e.getKey()));
    }
  }

  private static String message(Bindings.Bound b, Bindings.Match m) {
    String canary = b.rollout().canary().get("canaryService").text("");
    String via =
        m.arg()
            .map(
                a ->
                    " through args."
                        + a.name()
                        + (a.fromRollout()
                            ? " (set by the Rollout's analysis)"
                            : " (the template's default)"))
            .orElse("");
    return "("
        + b.metric().template().manifest().label()
        + ") select "
        + m.matcher().label()
        + "=\""
        + m.service()
        + "\""
        + via
        + ", which is not the canaryService of Rollout '"
        + b.rollout().name()
        + "': that Service"
        + " reaches "
        + (m.service().equals(b.rollout().canary().get("stableService").text(""))
            ? "the stable pods"
            : "stable and canary pods alike")
        + ", so the analysis judges them instead of the canary and a bad"
        + " canary can pass on their numbers; select '"
        + (canary.isEmpty() ? "<the canaryService>" : canary)
        + "' instead, or add rollouts_pod_template_hash fed by valueFrom.podTemplateHashValue:"
        + " Latest to the selector";
  }

  private static boolean narrowedByHash(Bindings.Bound b, PromQl.Selector selector) {
    return b.matches().stream()
        .anyMatch(
            x ->
                x.selector() == selector
                    && (x.selects() == Bindings.Selects.LATEST_HASH
                        || x.selects() == Bindings.Selects.STABLE_HASH));
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a query run by a canary Rollout's analysis selects a Service of the Rollout other than"
                + " its `canaryService` (its `stableService`, or a Service selecting every pod),"
                + " directly or through an arg, without a pod-template hash in the same selector;"
                + " reported where the value is set")
        .why(
            "the analysis judges the stable pods (or all pods) instead of the canary: a bad canary "
                + "passes on their numbers")
        .fix(
            "Pass the `canaryService` (`service-name: param-kernel-service-canary`), or select the"
                + " canary pods with `rollouts_pod_template_hash` from `podTemplateHashValue:"
                + " Latest`.");
  }
}
