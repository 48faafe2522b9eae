package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** Experiment template weights need traffic routing with SMI, ALB, Istio or plugins. */
public final class ExperimentWeightRule extends CanaryRule {
  public ExperimentWeightRule() {
    super(
        "canary.experiment-weight",
        "Experiment template weights need SMI, ALB, Istio or plugin traffic routing.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    for (YamlNode step : r.steps()) {
      for (YamlNode t : step.at("experiment", "templates").items()) {
        YamlNode weight = t.get("weight");
        if (weight.isAbsent()) {
          continue;
        }
        if (!routed(canary)) {
          out.error(
              weight,
              "an experiment template weight needs trafficRouting; remove the weight or add a"
                  + " router");
        } else if (!(has(canary, "alb")
            || has(canary, "smi")
            || has(canary, "istio")
            || has(canary, "plugins"))) {
          out.error(
              weight,
              "experiment template weights work only with SMI, ALB, Istio or plugin routing; remove"
                  + " the weight");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("F15, F16", "experiment weights need SMI/ALB/Istio/plugin routing")
        .fix("Remove the template weights, or route with SMI, ALB, Istio or a plugin.");
  }
}
