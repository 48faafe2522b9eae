package com.kitchencpq.paramkernel.plugin.validate.rules.rollout;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.OptionalLong;

/** antiAffinity: exactly one of preferred/required, and a preferred weight in 1..100. */
public final class AntiAffinityRule extends PerRolloutRule {
  public AntiAffinityRule() {
    super(
        "rollout.anti-affinity",
        "antiAffinity needs exactly one of preferred/required, with weight 1-100.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    for (YamlNode strategy : new YamlNode[] {r.canary(), r.blueGreen()}) {
      YamlNode aa = strategy.get("antiAffinity");
      if (aa.isAbsent()) {
        continue;
      }
      YamlNode preferred = aa.get("preferredDuringSchedulingIgnoredDuringExecution");
      YamlNode required = aa.get("requiredDuringSchedulingIgnoredDuringExecution");
      if (preferred.isPresent() == required.isPresent()) {
        out.error(
            aa,
            "antiAffinity must set exactly one of preferredDuringSchedulingIgnoredDuringExecution"
                + " and requiredDuringSchedulingIgnoredDuringExecution");
      }
      OptionalLong weight = preferred.get("weight").longValue();
      if (preferred.isPresent()
          && weight.isPresent()
          && (weight.getAsLong() < 1 || weight.getAsLong() > 100)) {
        out.error(
            preferred.get("weight"),
            "antiAffinity weight " + weight.getAsLong() + " must be between 1 and 100");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("D3, G1, G2", "exactly one anti-affinity kind; weight 1..100")
        .fix(
            "Set one anti-affinity kind, preferred or required; a preferred one needs a "
                + "`weight` from 1 to 100.");
  }
}
