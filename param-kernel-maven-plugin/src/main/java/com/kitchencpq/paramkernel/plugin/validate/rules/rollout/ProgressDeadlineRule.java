package com.kitchencpq.paramkernel.plugin.validate.rules.rollout;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** progressDeadlineSeconds (default 600) must be greater than minReadySeconds (default 0). */
public final class ProgressDeadlineRule extends PerRolloutRule {
  public ProgressDeadlineRule() {
    super(
        "rollout.progress-deadline",
        "progressDeadlineSeconds must be greater than minReadySeconds.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    YamlNode pds = r.spec().get("progressDeadlineSeconds");
    YamlNode mrs = r.spec().get("minReadySeconds");
    long deadline = pds.longValue().orElse(600);
    long minReady = mrs.longValue().orElse(0);
    if ((pds.isAbsent() || pds.longValue().isPresent())
        && (mrs.isAbsent() || mrs.longValue().isPresent())
        && deadline <= minReady) {
      out.error(
          pds.isPresent() ? pds : mrs,
          "progressDeadlineSeconds ("
              + deadline
              + ") must be greater than minReadySeconds ("
              + minReady
              + "); raise the deadline or lower minReadySeconds");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B14", "progressDeadlineSeconds (default 600) > minReadySeconds")
        .fix("Make `progressDeadlineSeconds` (600 when not set) greater than `minReadySeconds`.");
  }
}
