package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** Pods of a Rollout are managed by ReplicaSets: restartPolicy can only be Always. */
public final class RestartPolicyRule implements Rule {
  @Override
  public String id() {
    return "pod.restart-policy";
  }

  @Override
  public String description() {
    return "The pod template's restartPolicy must be Always (or left out).";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (YamlNode template : PodTemplates.of(ctx)) {
      YamlNode policy = template.at("spec", "restartPolicy");
      if (policy.isScalar() && !policy.text("").isEmpty() && !policy.text().equals("Always")) {
        out.error(
            policy,
            "restartPolicy '"
                + policy.text()
                + "' is not supported for a Rollout's pods;"
                + " use Always or remove the field");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B9", "restartPolicy only Always")
        .fix("Remove `restartPolicy`, or set it to `Always`.");
  }
}
