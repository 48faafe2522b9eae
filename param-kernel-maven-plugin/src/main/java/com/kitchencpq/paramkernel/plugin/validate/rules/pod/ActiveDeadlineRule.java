package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** activeDeadlineSeconds would kill long-running pods of a ReplicaSet; upstream forbids it. */
public final class ActiveDeadlineRule implements Rule {
  @Override
  public String id() {
    return "pod.active-deadline";
  }

  @Override
  public String description() {
    return "The pod template must not set activeDeadlineSeconds.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (YamlNode template : PodTemplates.of(ctx)) {
      YamlNode deadline = template.at("spec", "activeDeadlineSeconds");
      if (deadline.isPresent()) {
        out.error(
            template.at("spec").keyNode("activeDeadlineSeconds"),
            "activeDeadlineSeconds is not allowed in a Rollout's pod template; remove it");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B10", "no activeDeadlineSeconds")
        .fix("Remove `activeDeadlineSeconds` from the pod template.");
  }
}
