package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hazard: the pod-template hashes a query selects by do not tell canary from stable. Argo passes
 * the canary ReplicaSet's hash for {@code valueFrom.podTemplateHashValue: Latest} and the stable
 * one's for {@code Stable} ({@code utils/analysis/factory.go}, {@code
 * BuildArgumentsForRolloutAnalysisRun}). Stable series belong in a query only to compare the canary
 * with them (canary figure divided by the same figure of the stable pods). Two mistakes: the query
 * reads Stable-hash series only (it judges the stable pods), or it selects by two different hash
 * args that both get the same value (Latest and Latest, Stable and Stable), so it compares one side
 * with itself and the ratio is 1 whatever the canary does.
 */
public final class AnalysisHashSidesRule extends BaseRule {
  public AnalysisHashSidesRule() {
    super(
        "hazard.analysis-hash-sides",
        "Pod-template hash args must tell canary (Latest) from stable (Stable) pods.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (Bindings.Bound b : Bindings.of(ctx)) {
      boolean latest = b.any(Bindings.Selects.LATEST_HASH);
      boolean stable = b.any(Bindings.Selects.STABLE_HASH);
      Map<String, Bindings.Match> byArg = new LinkedHashMap<>();
      for (Bindings.Match m : b.matches()) {
        if ((m.selects() == Bindings.Selects.LATEST_HASH
                || m.selects() == Bindings.Selects.STABLE_HASH)
            && m.arg().isPresent()) {
          byArg.putIfAbsent(m.arg().get().name(), m);
        }
      }
      if (byArg.size() >= 2 && !(latest && stable)) {
        Bindings.Match second = byArg.values().stream().skip(1).findFirst().get();
        String kind = latest ? "Latest" : "Stable";
        out.hazard(
            at(b, second),
            "query of "
                + b.metric().label()
                + " compares the pods of args."
                + String.join(" and args.", byArg.keySet())
                + ", but Rollout '"
                + b.rollout().name()
                + "' fills all of"
                + " them with podTemplateHashValue: "
                + kind
                + ": it compares the "
                + (latest ? "canary" : "stable")
                + " pods with themselves (a ratio of 1 whatever the canary does); give the canary"
                + " side Latest and the stable side Stable");
      } else if (stable && !latest) {
        Bindings.Match m = b.first(Bindings.Selects.STABLE_HASH).get();
        out.hazard(
            at(b, m),
            "query of "
                + b.metric().label()
                + " selects pods by args."
                + m.arg().get().name()
                + ", which Rollout '"
                + b.rollout().name()
                + "' fills with podTemplateHashValue: Stable, and by no Latest hash: it judges the"
                + " stable pods, not the canary; use podTemplateHashValue: Latest for the canary"
                + " side (Stable only for the side it is compared with)");
      }
    }
  }

  private static YamlNode at(Bindings.Bound b, Bindings.Match m) {
    return m.arg().map(Bindings.Arg::node).orElse(b.metric().view().query());
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a query of a canary Rollout's analysis selects pods by `podTemplateHashValue: Stable` "
                + "hashes only, or by two hash args that the Rollout both fills with the same "
                + "`podTemplateHashValue`")
        .why(
            "stable series belong in a query only to compare the canary with them; Stable alone "
                + "judges the stable pods, the same hash twice compares a side with itself")
        .fix(
            "Feed the canary side from `podTemplateHashValue: Latest` and the compared side from "
                + "`podTemplateHashValue: Stable`.");
  }
}
