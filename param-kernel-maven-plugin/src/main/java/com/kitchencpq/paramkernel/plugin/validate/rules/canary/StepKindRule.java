package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.List;

/**
 * Each canary step does one thing: setWeight, pause, experiment or analysis (or one of the
 * route/scale/plugin steps).
 */
public final class StepKindRule extends CanaryRule {
  private static final List<String> EXCLUSIVE =
      List.of("setWeight", "pause", "experiment", "analysis");
  private static final List<String> ALL =
      List.of(
          "setWeight",
          "pause",
          "experiment",
          "analysis",
          "setCanaryScale",
          "setHeaderRoute",
          "setMirrorRoute",
          "plugin");

  public StepKindRule() {
    super("canary.step-kind", "Each canary step must set exactly one action.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    for (YamlNode step : r.steps()) {
      List<String> exclusive = EXCLUSIVE.stream().filter(k -> step.get(k).isPresent()).toList();
      if (exclusive.size() > 1) {
        out.error(
            step,
            "this step sets "
                + String.join(" and ", exclusive)
                + "; split it into one step per action");
      } else if (ALL.stream().noneMatch(k -> step.get(k).isPresent())) {
        out.error(
            step,
            "this step does nothing; give it one of setWeight, pause, experiment, analysis,"
                + " setCanaryScale, setHeaderRoute, setMirrorRoute or plugin");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("F1, F2", "one action per step")
        .fix("Give each step exactly one action (`setWeight`, `pause`, `analysis`, ...).");
  }
}
