package com.kitchencpq.paramkernel.plugin.validate.rules.metric;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerMetricRule;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Hazard: a metric whose measurements can never fail it. Either it has no condition at all (a
 * provider other than job/kayenta/plugin then always reports success), or its failureLimit is at
 * least its count (any provider), so even all-failed measurements leave it successful.
 */
public final class NeverFailsRule extends PerMetricRule {
  private static final Set<String> SELF_JUDGING = Set.of("job", "kayenta");

  public NeverFailsRule() {
    super("metric.never-fails", "A metric should be able to fail (hazard).");
  }

  @Override
  protected void check(AnalysisTemplateView t, MetricView m, Values v, FindingSink out) {
    String provider = m.providerName();
    boolean judgesItself =
        provider.isEmpty() || SELF_JUDGING.contains(provider) || provider.startsWith("plugin/");
    if (!judgesItself && m.successCondition().isAbsent() && m.failureCondition().isAbsent()) {
      out.hazard(
          m.node().get("name").isPresent() ? m.node().get("name") : m.node(),
          "metric '"
              + m.name()
              + "' has neither successCondition nor failureCondition, so every measurement"
              + " succeeds; add a condition");
      return;
    }
    OptionalLong count = v.intValue(m.count());
    OptionalLong failure = v.intValue(m.failureLimit());
    OptionalLong success = v.intValue(m.consecutiveSuccessLimit());
    if (count.isPresent()
        && count.getAsLong() > 0
        && failure.isPresent()
        && failure.getAsLong() >= count.getAsLong()
        && success.orElse(0) == 0) {
      out.hazard(
          m.failureLimit(),
          "failureLimit ("
              + failure.getAsLong()
              + ") is not below count ("
              + count.getAsLong()
              + "), so metric '"
              + m.name()
              + "' can never fail; lower failureLimit below count");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours", "no condition (non-job/kayenta/plugin provider), or failureLimit >= count")
        .why("a metric that cannot fail never stops a bad canary")
        .fix("Give the metric a condition, and a `failureLimit` below its `count`.");
  }
}
