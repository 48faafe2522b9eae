package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Optional;

/**
 * The ratio metric's pod-template hashes are wired: the health template declares {@code
 * latest-hash} and {@code stable-hash}, and every analysis step that runs it passes {@code
 * latest-hash} as {@code valueFrom.podTemplateHashValue: Latest} and {@code stable-hash} as {@code
 * Stable}. Argo fills Latest with the canary ReplicaSet's hash and Stable with the stable one's
 * ({@code utils/analysis/factory.go}, {@code BuildArgumentsForRolloutAnalysisRun}); the same kind
 * twice makes the ratio compare one side with itself, 1 whatever the canary does.
 */
public final class LatencyRatioArgsRule extends PlanRule {
  public LatencyRatioArgsRule() {
    super(
        "plan.latency-ratio-args",
        "Analysis steps must pass the canary's (Latest) and the stable pods' (Stable) pod-template"
            + " hashes.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Optional<AnalysisTemplateView> t = PlanMetrics.template(r, ctx, plan);
    if (t.isEmpty()) {
      return;
    }
    RolloutPlan.HashArgs h = plan.hashes();
    for (String name : new String[] {h.latest(), h.stable()}) {
      if (!t.get().argNames().contains(name)) {
        YamlNode at =
            t.get().spec().get("args").isPresent() ? t.get().spec().get("args") : t.get().spec();
        out.error(
            at,
            t.get().manifest().label()
                + " does not declare arg '"
                + name
                + "'; the plan's '"
                + RolloutPlan.RATIO_METRIC
                + "' metric selects the "
                + side(name)
                + " pods by it (add"
                + " `- name: "
                + name
                + "` to spec.args)");
      }
    }
    for (AnalysisUse use : r.analyses()) {
      if (use.type() != AnalysisUse.Type.STEP
          || use.templates().stream()
              .noneMatch(
                  ref -> !ref.clusterScope() && ref.name().equals(plan.analysisTemplate()))) {
        continue;
      }
      expect(r, use, h.latest(), "Latest", out);
      expect(r, use, h.stable(), "Stable", out);
    }
  }

  private String side(String arg) {
    return arg.equals(plan.hashes().latest()) ? "canary" : "stable";
  }

  private void expect(RolloutView r, AnalysisUse use, String name, String kind, FindingSink out) {
    String step = "analysis step " + (use.stepIndex() + 1) + " of Rollout '" + r.name() + "'";
    String want = "`- name: " + name + "` with `valueFrom: {podTemplateHashValue: " + kind + "}`";
    YamlNode arg =
        use.args().stream()
            .filter(a -> a.get("name").text("").equals(name))
            .findFirst()
            .orElse(null);
    if (arg == null) {
      out.error(
          use.node(),
          step
              + " does not pass arg '"
              + name
              + "'; the plan wants "
              + want
              + " so that '"
              + RolloutPlan.RATIO_METRIC
              + "' reads the "
              + side(name)
              + " pods");
      return;
    }
    YamlNode hash = arg.at("valueFrom", "podTemplateHashValue");
    if (hash.isScalar() && hash.text("").equals(kind)) {
      return;
    }
    String got =
        hash.isScalar()
            ? "podTemplateHashValue: " + hash.text("")
            : arg.get("value").isPresent() ? "a fixed value" : "no pod-template hash";
    String value = hash.isScalar() ? hash.text("") : "";
    String self =
        value.equals("Latest") || value.equals("Stable")
            ? ": both sides of '"
                + RolloutPlan.RATIO_METRIC
                + "' would read the "
                + (value.equals("Latest") ? "canary" : "stable")
                + " pods and the ratio would be 1 whatever the canary does"
            : hash.isScalar() ? " (the kinds are Latest and Stable, spelled so)" : "";
    out.error(
        hash.isScalar() ? hash : arg,
        step + " fills arg '" + name + "' with " + got + self + "; the plan wants " + want);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "the health template declares `latest-hash` and `stable-hash`, and every analysis step"
                + " running it passes `latest-hash` as `podTemplateHashValue: Latest` and"
                + " `stable-hash` as `podTemplateHashValue: Stable`")
        .why(
            "Argo fills Latest with the canary ReplicaSet's hash and Stable with the stable one's;"
                + " with the same kind twice the ratio compares one side with itself and is 1"
                + " whatever the canary does")
        .fix(
            "Pass `latest-hash` with `valueFrom: {podTemplateHashValue: Latest}` and `stable-hash` "
                + "with `valueFrom: {podTemplateHashValue: Stable}` in every analysis step.");
  }
}
