package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** The pod templates the pod rules check: those of Rollouts without a workloadRef. */
final class PodTemplates {
  private PodTemplates() {}

  /** Pod templates ({@code spec.template}) of rollouts that define their own pods. */
  static List<YamlNode> of(ValidationContext ctx) {
    List<YamlNode> out = new ArrayList<>();
    for (RolloutView r : ctx.rollouts()) {
      if (!r.hasWorkloadRef() && r.podTemplate().isMapping()) {
        out.add(r.podTemplate());
      }
    }
    return out;
  }

  /** Init containers then containers of a pod template. */
  static List<YamlNode> containers(YamlNode template) {
    List<YamlNode> out = new ArrayList<>(template.at("spec", "initContainers").items());
    out.addAll(template.at("spec", "containers").items());
    return out;
  }
}
