package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The canary steps are exactly the plan's: setWeight 20, pause 5m, analysis, setWeight 50, pause
 * 10m, analysis, setWeight 100, pause 5m. Pauses are compared as durations (300, "300s" and "5m"
 * are equal).
 */
public final class CanaryStepsRule extends PlanRule {
  public CanaryStepsRule() {
    super(
        "plan.canary-steps",
        "The canary steps must be the plan's weights, pauses and analyses, in order.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    String planned =
        plan.steps().stream().map(RolloutPlan.Step::describe).collect(Collectors.joining(", "));
    if (!r.isCanary()) {
      out.error(
          r.strategy().isPresent() ? r.strategy() : r.spec(),
          "Rollout '"
              + r.name()
              + "' does not use the canary strategy; the plan wants canary steps "
              + planned);
      return;
    }
    List<YamlNode> steps = r.steps();
    List<RolloutPlan.Step> want = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      YamlNode step = steps.get(i);
      if (i >= want.size()) {
        out.error(
            step,
            "step "
                + (i + 1)
                + " of Rollout '"
                + r.name()
                + "' is extra; the plan has "
                + want.size()
                + " steps: "
                + planned);
        continue;
      }
      Optional<String> mismatch = mismatch(step, want.get(i));
      if (mismatch.isPresent()) {
        out.error(
            step,
            "step "
                + (i + 1)
                + " of Rollout '"
                + r.name()
                + "' "
                + mismatch.get()
                + "; the plan"
                + " wants "
                + want.get(i).describe()
                + " here (plan: "
                + planned
                + ")");
      }
    }
    if (steps.size() < want.size()) {
      String missing =
          want.subList(steps.size(), want.size()).stream()
              .map(RolloutPlan.Step::describe)
              .collect(Collectors.joining(", "));
      YamlNode at = r.canary().get("steps").isPresent() ? r.canary().get("steps") : r.canary();
      out.error(
          at,
          "Rollout '"
              + r.name()
              + "' has "
              + steps.size()
              + " canary steps; the plan's last steps are"
              + " missing: "
              + missing
              + " (plan: "
              + planned
              + ")");
    }
  }

  private static Optional<String> mismatch(YamlNode step, RolloutPlan.Step want) {
    switch (want.kind()) {
      case SET_WEIGHT:
        {
          YamlNode w = step.get("setWeight");
          if (w.isAbsent()) {
            return Optional.of("is " + kind(step));
          }
          long got = w.intOrStringValue().orElse(-1);
          return got == want.weight()
              ? Optional.empty()
              : Optional.of("is setWeight: " + w.text(""));
        }
      case PAUSE:
        {
          YamlNode p = step.get("pause");
          if (!step.has("pause")) {
            return Optional.of("is " + kind(step));
          }
          YamlNode d = p.get("duration");
          if (d.isAbsent()) {
            return Optional.of("pauses until promoted by hand");
          }
          Optional<Duration> got = duration(d);
          return got.isPresent() && got.get().equals(want.pause())
              ? Optional.empty()
              : Optional.of("pauses for " + d.text(""));
        }
      default:
        return step.has("analysis") ? Optional.empty() : Optional.of("is " + kind(step));
    }
  }

  private static String kind(YamlNode step) {
    List<String> keys = step.keys();
    return keys.isEmpty() ? "empty" : keys.get(0);
  }

  /** A pause duration: integer seconds, or a Go duration string. */
  static Optional<Duration> duration(YamlNode d) {
    if (d.longValue().isPresent()) {
      return Optional.of(Duration.ofSeconds(d.longValue().getAsLong()));
    }
    String text = d.text("").trim();
    if (text.matches("\\d+")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
    Syntax.DurationResult parsed = Syntax.parseGoDuration(text);
    return parsed.valid() ? Optional.of(Duration.ofNanos(parsed.nanos())) : Optional.empty();
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "canary steps exactly: setWeight 20, pause 5m, analysis, setWeight 50, pause 10m,"
                + " analysis, setWeight 100, pause 5m; each wrong, missing or extra step is named")
        .fix(
            "Use the plan's steps, in this order: setWeight 20, pause 5m, analysis, setWeight "
                + "50, pause 10m, analysis, setWeight 100, pause 5m.");
  }
}
