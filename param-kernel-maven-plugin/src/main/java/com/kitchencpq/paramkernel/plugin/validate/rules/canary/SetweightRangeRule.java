package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.OptionalLong;

/** setWeight is a percentage between 0 and maxTrafficWeight (default 100). */
public final class SetweightRangeRule extends CanaryRule {
  public SetweightRangeRule() {
    super(
        "canary.setweight-range",
        "setWeight must be between 0 and maxTrafficWeight (100 by default).");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    long max = canary.at("trafficRouting", "maxTrafficWeight").longValue().orElse(100);
    for (YamlNode step : r.steps()) {
      YamlNode w = step.get("setWeight");
      OptionalLong v = w.longValue();
      if (v.isPresent() && (v.getAsLong() < 0 || v.getAsLong() > max)) {
        out.error(
            w,
            "setWeight "
                + v.getAsLong()
                + " is outside 0.."
                + max
                + "; use a weight in that range");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("F3", "0 <= setWeight <= maxTrafficWeight")
        .fix("Use a `setWeight` from 0 to `maxTrafficWeight` (100 when not set).");
  }
}
