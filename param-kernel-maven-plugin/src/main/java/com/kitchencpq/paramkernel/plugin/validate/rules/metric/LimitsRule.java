package com.kitchencpq.paramkernel.plugin.validate.rules.metric;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerMetricRule;
import java.util.OptionalLong;

/**
 * The limits of a metric: no negative limits (failureLimit may be -1 to disable it), not both
 * failureLimit and consecutiveSuccessLimit disabled, and a count large enough for the limits.
 */
public final class LimitsRule extends PerMetricRule {
  public LimitsRule() {
    super(
        "metric.limits",
        "count, failureLimit, inconclusiveLimit, consecutiveErrorLimit and consecutiveSuccessLimit"
            + " must be consistent.");
  }

  @Override
  protected void check(AnalysisTemplateView t, MetricView m, Values v, FindingSink out) {
    OptionalLong success = v.intValue(m.consecutiveSuccessLimit());
    OptionalLong failure = v.intValue(m.failureLimit());
    OptionalLong inconclusive = v.intValue(m.inconclusiveLimit());
    OptionalLong errors = v.intValue(m.consecutiveErrorLimit());
    OptionalLong count = v.intValue(m.count());
    boolean known = !v.unknown(m.consecutiveSuccessLimit()) && !v.unknown(m.failureLimit());
    long cs = success.orElse(0);
    long fl = failure.orElse(0);
    if (cs < 0) {
      out.error(
          m.consecutiveSuccessLimit(),
          "consecutiveSuccessLimit is " + cs + "; it must be 0 or more");
    }
    if (fl < -1) {
      out.error(
          m.failureLimit(),
          "failureLimit is " + fl + "; it must be 0 or more, or -1 to disable it");
    } else if (fl == -1 && !v.version().failureLimitMayBeDisabled()) {
      out.error(
          m.failureLimit(),
          "failureLimit is -1, which "
              + v.version().label()
              + " rejects (\"failureLimit must be >= 0\"; -1 disables the limit only from 1.8); set"
              + " a failureLimit of 0 or more");
      return;
    }
    if (known && cs == 0 && fl == -1) {
      out.error(
          m.failureLimit(),
          "failureLimit -1 disables failure and consecutiveSuccessLimit is not set, so metric '"
              + m.name()
              + "' could not decide; set consecutiveSuccessLimit or a failureLimit >= 0");
    }
    if (inconclusive.orElse(0) < 0) {
      out.error(
          m.inconclusiveLimit(),
          "inconclusiveLimit is " + inconclusive.getAsLong() + "; it must be 0 or more");
    }
    if (errors.orElse(0) < 0) {
      out.error(
          m.consecutiveErrorLimit(),
          "consecutiveErrorLimit is " + errors.getAsLong() + "; it must be 0 or more");
    }
    if (count.isEmpty() || count.getAsLong() <= 0 || !known) {
      return;
    }
    long c = count.getAsLong();
    if (fl >= 0 && cs >= 0 && c < fl + cs) {
      out.error(
          m.count(),
          "count ("
              + c
              + ") is less than failureLimit + consecutiveSuccessLimit ("
              + fl
              + " + "
              + cs
              + "); raise count or lower the limits");
    } else if (fl < 0 && c < cs) {
      out.error(
          m.count(),
          "count (" + c + ") is less than consecutiveSuccessLimit (" + cs + "); raise count");
    }
    if (!v.unknown(m.inconclusiveLimit()) && c < inconclusive.orElse(0)) {
      out.error(
          m.count(),
          "count ("
              + c
              + ") is less than inconclusiveLimit ("
              + inconclusive.getAsLong()
              + "); raise count or lower inconclusiveLimit");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "J3–J10",
            "limit ranges and count vs limits; `failureLimit: -1` only from "
                + "Argo Rollouts 1.8 (1.7 requires >= 0)")
        .fix("Bring the limit the finding names into its range (limits below `count`).");
  }
}
