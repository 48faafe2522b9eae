package com.kitchencpq.paramkernel.plugin.validate.rules.bluegreen;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.OptionalLong;

/** scaleDownDelayRevisionLimit cannot exceed revisionHistoryLimit (default 10). */
public final class ScaleDownRevisionLimitRule extends PerRolloutRule {
  public ScaleDownRevisionLimitRule() {
    super(
        "bluegreen.scale-down-revision-limit",
        "blueGreen scaleDownDelayRevisionLimit must not exceed revisionHistoryLimit.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    YamlNode limit = r.blueGreen().get("scaleDownDelayRevisionLimit");
    OptionalLong v = limit.longValue();
    long history = r.spec().get("revisionHistoryLimit").longValue().orElse(10);
    if (v.isPresent() && v.getAsLong() > history) {
      out.error(
          limit,
          "scaleDownDelayRevisionLimit ("
              + v.getAsLong()
              + ") is larger than revisionHistoryLimit ("
              + history
              + "); lower it or raise spec.revisionHistoryLimit");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("D2", "scaleDownDelayRevisionLimit <= revisionHistoryLimit")
        .fix(
            "Lower `scaleDownDelayRevisionLimit` to `revisionHistoryLimit` or below, or raise "
                + "`revisionHistoryLimit`.");
  }
}
