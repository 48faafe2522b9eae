package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.expr.ConditionParser;
import com.kitchencpq.paramkernel.plugin.expr.ConditionSyntaxException;
import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How the plan check judges the p95 failure bound when it is not the plan's: a bound widened with a
 * declared, unexpired {@link P95Contingency} (the annotation agrees with the bound, the bound is
 * above the plan's and within the histogram's bucket bounds) is a warning that names the reason and
 * the end date; every other widening, and an annotation that does not match the bound, is an error.
 * Without the annotation and without a widening, the ordinary plan check applies.
 */
final class ContingencyVerdict {
  private static final String REVERT =
      "render again without the paramkernel.contingency.*" + " properties";

  private final RolloutPlan plan;
  private final Clock clock;

  ContingencyVerdict(RolloutPlan plan, Clock clock) {
    this.plan = plan;
    this.clock = clock;
  }

  /**
   * Judges the failure bound of the latency metric {@code m} of template {@code t}.
   *
   * @return whether it reported on the bound; false leaves it to the ordinary plan check
   */
  boolean judge(AnalysisTemplateView t, MetricView m, Map<String, String> args, FindingSink out) {
    YamlNode annotation =
        t.manifest().root().at("metadata", "annotations").get(P95Contingency.ANNOTATION);
    YamlNode condition = m.node().get("failureCondition");
    OptionalDouble bound = failureBound(condition, args);
    double planBound = plan.latency().failureAbove();
    String planWants = "result[0] > " + Exprs.format(planBound);
    String metric = "metric '" + m.name() + "'";
    if (annotation.isMissing()) {
      if (bound.isEmpty()
          || bound.getAsDouble() <= planBound
          || PlanMetrics.sameNumber(bound.getAsDouble(), planBound)) {
        return false;
      }
      double v = bound.getAsDouble();
      out.error(
          condition,
          "failureCondition of "
              + metric
              + " widens the p95 failure bound to "
              + Exprs.format(v)
              + " s without the contingency annotation "
              + P95Contingency.ANNOTATION
              + " on "
              + t.manifest().label()
              + "; the plan wants "
              + planWants
              + " (failure when p95"
              + " is above "
              + Exprs.format(planBound * 1000)
              + " ms)"
              + aboveBuckets(v)
              + ". Widen it only with render's paramkernel.contingency.* properties, or "
              + REVERT);
      return true;
    }
    String where = "annotation " + P95Contingency.ANNOTATION + " on " + t.manifest().label();
    if (!annotation.isScalar()) {
      out.error(annotation, where + " must be a string (the JSON object render writes); " + REVERT);
      return true;
    }
    P95Contingency c;
    try {
      c = P95Contingency.parseAnnotation(annotation.text());
    } catch (IllegalArgumentException e) {
      out.error(
          annotation,
          where
              + " "
              + e.getMessage()
              + "; it is written by render's"
              + " paramkernel.contingency.* properties, so "
              + REVERT
              + " or with them");
      return true;
    }
    double v = c.p95FailureSeconds().doubleValue();
    if (bound.isEmpty() || !PlanMetrics.sameNumber(bound.getAsDouble(), v)) {
      String got =
          bound.isEmpty()
              ? "no single '>' bound on result"
              : "result[0] > " + Exprs.format(bound.getAsDouble());
      out.error(
          condition,
          "failureCondition of "
              + metric
              + " tests "
              + got
              + ", but "
              + where
              + " declares a contingency bound of "
              + c.valueText()
              + " s; the two must agree, so do"
              + " not edit either by hand: render again with the contingency, or "
              + REVERT
              + " (the plan wants "
              + planWants
              + ")");
      return true;
    }
    if (v <= planBound || PlanMetrics.sameNumber(v, planBound)) {
      out.error(
          annotation,
          where
              + " declares a contingency bound of "
              + c.valueText()
              + " s, which does not widen the plan's "
              + Exprs.format(planBound)
              + " s; remove the"
              + " annotation ("
              + REVERT
              + ")");
      return true;
    }
    if (v >= plan.largestBucket()) {
      out.error(
          condition,
          "failureCondition of "
              + metric
              + " has the contingency bound "
              + c.valueText()
              + " s"
              + aboveBuckets(v)
              + "; "
              + REVERT
              + " or with a bound below "
              + Exprs.format(plan.largestBucket()));
      return true;
    }
    LocalDate today = LocalDate.now(clock);
    if (c.expired(clock)) {
      out.error(
          annotation,
          "the contingency on "
              + metric
              + " (p95 failure above "
              + c.valueText()
              + " s instead of "
              + Exprs.format(planBound)
              + " s, reason: "
              + c.reason()
              + ") expired on "
              + c.until()
              + " (today is "
              + today
              + ", UTC); the"
              + " plan's "
              + planWants
              + " applies again: "
              + REVERT);
      return true;
    }
    out.warning(
        condition,
        metric
            + " runs under a declared contingency until "
            + c.until()
            + " (reason: "
            + c.reason()
            + "): failure when p95 is above "
            + c.valueText()
            + " s instead of the plan's "
            + Exprs.format(planBound)
            + " s; to revert, "
            + REVERT);
    return true;
  }

  private String aboveBuckets(double v) {
    if (v < plan.largestBucket()) {
      return "";
    }
    return " (not below "
        + Exprs.format(plan.largestBucket())
        + " s, the largest finite bucket bound"
        + " of "
        + plan.latency().series()
        + ": histogram_quantile never returns more, so the"
        + " metric could never fail)";
  }

  /** The single {@code >} bound on the result, after {@code {{args.x}}} substitution. */
  private static OptionalDouble failureBound(YamlNode condition, Map<String, String> args) {
    if (!condition.isScalar() || condition.text().isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      List<Exprs.Threshold> bounds =
          Exprs.thresholds(ConditionParser.parse(PlanMetrics.substitute(condition.text(), args)))
              .stream()
              .filter(th -> th.op().equals(">"))
              .toList();
      return bounds.size() == 1 ? OptionalDouble.of(bounds.get(0).value()) : OptionalDouble.empty();
    } catch (ConditionSyntaxException e) {
      return OptionalDouble.empty();
    }
  }
}
