package com.kitchencpq.paramkernel.plugin.validate.rules.rollout;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;

/** Exactly one of spec.strategy.canary and spec.strategy.blueGreen. */
public final class StrategyRule extends PerRolloutRule {
  public StrategyRule() {
    super("rollout.strategy", "A Rollout needs exactly one strategy: canary or blueGreen.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    boolean canary = r.canary().isPresent();
    boolean blueGreen = r.blueGreen().isPresent();
    if (!canary && !blueGreen) {
      out.error(
          r.strategy().isPresent() ? r.strategy() : r.spec().get("strategy"),
          "Rollout '"
              + r.name()
              + "' has no strategy; set spec.strategy.canary or spec.strategy.blueGreen");
    } else if (canary && blueGreen) {
      out.error(
          r.strategy(),
          "Rollout '" + r.name() + "' sets both canary and blueGreen; keep one strategy");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("C1, C2", "exactly one of canary / blueGreen")
        .fix("Set exactly one of `strategy.canary` and `strategy.blueGreen`.");
  }
}
