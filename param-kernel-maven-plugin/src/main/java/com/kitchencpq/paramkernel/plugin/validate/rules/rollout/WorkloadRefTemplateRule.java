package com.kitchencpq.paramkernel.plugin.validate.rules.rollout;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** With workloadRef the pods come from the referenced workload; the template must stay empty. */
public final class WorkloadRefTemplateRule extends PerRolloutRule {
  public WorkloadRefTemplateRule() {
    super(
        "rollout.workload-ref-template",
        "A Rollout with workloadRef must not define template labels or annotations.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    YamlNode meta = r.podTemplate().get("metadata");
    if (r.hasWorkloadRef()
        && (meta.get("labels").size() > 0 || meta.get("annotations").size() > 0)) {
      out.error(
          r.spec().keyNode("template"),
          "Rollout '"
              + r.name()
              + "' uses workloadRef, so spec.template must be empty; remove its labels and"
              + " annotations");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B6", "no template labels/annotations with workloadRef")
        .fix("Remove the template's labels and annotations, or `workloadRef`.");
  }
}
