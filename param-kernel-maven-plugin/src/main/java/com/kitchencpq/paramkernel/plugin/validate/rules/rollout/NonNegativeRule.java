package com.kitchencpq.paramkernel.plugin.validate.rules.rollout;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.OptionalLong;

/**
 * replicas, minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds cannot be negative.
 */
public final class NonNegativeRule extends PerRolloutRule {
  public NonNegativeRule() {
    super(
        "rollout.non-negative",
        "replicas, minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds must be >="
            + " 0.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    for (String field :
        new String[] {
          "replicas", "minReadySeconds", "revisionHistoryLimit", "progressDeadlineSeconds"
        }) {
      YamlNode n = r.spec().get(field);
      OptionalLong v = n.longValue();
      if (v.isPresent() && v.getAsLong() < 0) {
        out.error(n, field + " is " + v.getAsLong() + "; it must be 0 or more");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "B1, B11, B12, B13",
            "replicas, minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds >= 0")
        .fix("Use 0 or more for the fields the finding names.");
  }
}
