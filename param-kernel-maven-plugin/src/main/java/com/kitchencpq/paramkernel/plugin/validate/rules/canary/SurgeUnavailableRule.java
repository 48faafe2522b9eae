package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** maxSurge and maxUnavailable cannot both be zero: the rollout could never make progress. */
public final class SurgeUnavailableRule extends CanaryRule {
  public SurgeUnavailableRule() {
    super("canary.surge-unavailable", "maxSurge and maxUnavailable must not both be 0.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    YamlNode surge = canary.get("maxSurge");
    YamlNode unavailable = canary.get("maxUnavailable");
    if (isZero(surge) && isZero(unavailable)) {
      out.error(
          surge,
          "maxSurge and maxUnavailable are both 0, so no pod could ever be replaced; raise one of"
              + " them");
    }
  }

  /** 0, "0" and "0%" are zero; absent means the default 25. */
  private static boolean isZero(YamlNode n) {
    if (n.isAbsent() || !n.isScalar()) {
      return false;
    }
    String t = n.text().trim();
    if (t.endsWith("%")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Long.parseLong(t) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("E1", "maxSurge and maxUnavailable not both 0 (`0`, `\"0\"`, `\"0%\"`)")
        .fix("Let `maxSurge` or `maxUnavailable` be above 0.");
  }
}
