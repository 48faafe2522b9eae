package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** A Rollout without workloadRef needs a pod template with at least one container. */
public final class ContainersRule implements Rule {
  @Override
  public String id() {
    return "pod.containers";
  }

  @Override
  public String description() {
    return "The Rollout's pod template must define at least one container.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (RolloutView r : ctx.rollouts()) {
      if (r.hasWorkloadRef()) {
        continue;
      }
      YamlNode containers = r.podTemplate().at("spec", "containers");
      if (r.podTemplate().isAbsent()) {
        out.error(
            r.spec().get("template"),
            "Rollout '"
                + r.name()
                + "' has no pod template; add spec.template with containers, or use"
                + " spec.workloadRef");
      } else if (containers.size() == 0 && !(containers.isPresent() && !containers.isSequence())) {
        out.error(
            containers,
            "the pod template has no containers; add at least one under"
                + " spec.template.spec.containers");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B8", "the pod template has at least one container")
        .fix("Add a container to the pod template.");
  }
}
