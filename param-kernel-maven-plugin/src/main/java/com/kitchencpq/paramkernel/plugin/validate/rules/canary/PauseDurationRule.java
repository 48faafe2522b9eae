package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * pause.duration: seconds as an integer (or integer string), or a Go duration such as 30s, 5m or
 * 1h30m. Anything else (1d, "10 s", negative values) upstream reads as negative and rejects.
 */
public final class PauseDurationRule extends CanaryRule {
  public PauseDurationRule() {
    super(
        "canary.pause-duration",
        "pause.duration must be seconds or a Go duration (30s, 5m, 1h), not negative.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    for (YamlNode step : r.steps()) {
      YamlNode d = step.at("pause", "duration");
      if (!d.isScalar()) {
        continue;
      }
      String text = d.text().trim();
      String problem = null;
      if (d.longValue().isPresent()) {
        if (d.longValue().getAsLong() < 0) {
          problem = "is negative";
        }
      } else if (text.matches("[+-]?\\d+")) {
        if (Long.parseLong(text) < 0) {
          problem = "is negative";
        }
      } else if (!Syntax.hasTemplateTag(text)) {
        Syntax.DurationResult parsed = Syntax.parseGoDuration(text);
        if (!parsed.valid()) {
          problem = "is not a duration (" + parsed.error() + ")";
        } else if (parsed.nanos() < 0) {
          problem = "is negative";
        }
      }
      if (problem != null) {
        out.error(
            d,
            "pause duration '"
                + d.text()
                + "' "
                + problem
                + "; write seconds (60) or a duration with units s, m or h (90s, 5m, 1h30m)");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("F4", "seconds or Go duration, not negative")
        .fix(
            "Write the duration as seconds (`300`) or a Go duration (`30s`, `5m`, `1h`), not "
                + "negative.");
  }
}
