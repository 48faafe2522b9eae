package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.expr.ConditionParser;
import com.kitchencpq.paramkernel.plugin.expr.ConditionSyntaxException;
import com.kitchencpq.paramkernel.plugin.expr.Expr;
import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the plan's health template and its three metrics, and reads their queries and thresholds
 * with {@code {{args.x}}} replaced by the values the template declares and the Rollout's analysis
 * steps pass (the step values win, as in Argo).
 */
final class PlanMetrics {
  private static final Pattern TAG = Pattern.compile("\\{\\{\\s*args\\.([^}\\s]+)\\s*}}");

  private PlanMetrics() {}

  static Optional<AnalysisTemplateView> template(
      RolloutView r, ValidationContext ctx, RolloutPlan plan) {
    return ctx.findTemplate(r.manifest(), plan.analysisTemplate(), false);
  }

  static Map<String, String> args(AnalysisTemplateView t, RolloutView r) {
    Map<String, String> values = new LinkedHashMap<>();
    for (YamlNode a : t.args()) {
      if (a.get("value").isScalar()) {
        values.put(a.get("name").text(""), a.get("value").text());
      }
    }
    for (AnalysisUse use : r.analyses()) {
      for (YamlNode a : use.args()) {
        if (a.get("value").isScalar()) {
          values.put(a.get("name").text(""), a.get("value").text());
        }
      }
    }
    return values;
  }

  /** {@code text} with every {@code {{args.x}}} that has a value replaced by it. */
  static String substitute(String text, Map<String, String> args) {
    Matcher m = TAG.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = args.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The metric whose query reads {@code series} (and, when given, calls {@code function}). */
  static Optional<MetricView> metric(AnalysisTemplateView t, String series, String function) {
    return t.metrics().stream()
        .filter(
            m -> {
              String q = m.query().text("");
              return q.contains(series) && (function == null || q.contains(function));
            })
        .findFirst();
  }

  /**
   * The plan's absolute p95 latency metric: a histogram_quantile on the latency histogram that is
   * not the ratio metric.
   */
  static Optional<MetricView> latency(AnalysisTemplateView t, RolloutPlan plan) {
    return t.metrics().stream()
        .filter(
            m -> {
              String q = m.query().text("");
              // the ratio metric's name is the plan's: even cut down to one quantile it is not
              // the p95 metric
              return q.contains(plan.latency().series())
                  && quantileCount(q) == 1
                  && !m.name().equals(RolloutPlan.RATIO_METRIC);
            })
        .findFirst();
  }

  /**
   * The plan's ratio metric: a query with two histogram_quantile calls on the latency histogram, or
   * else the metric with the plan's name for it.
   */
  static Optional<MetricView> ratio(AnalysisTemplateView t, RolloutPlan plan) {
    Optional<MetricView> byShape =
        t.metrics().stream()
            .filter(
                m -> {
                  String q = m.query().text("");
                  return q.contains(plan.latencyVsStable().series()) && quantileCount(q) >= 2;
                })
            .findFirst();
    return byShape.isPresent()
        ? byShape
        : t.metrics().stream().filter(m -> m.name().equals(RolloutPlan.RATIO_METRIC)).findFirst();
  }

  private static int quantileCount(String query) {
    int n = 0;
    for (int at = query.indexOf("histogram_quantile");
        at >= 0;
        at = query.indexOf("histogram_quantile", at + 1)) {
      n++;
    }
    return n;
  }

  /** The arg a {@code {{args.x}}} tag names, when {@code value} is exactly one tag. */
  static Optional<String> argOf(String value) {
    Matcher m = TAG.matcher(value.trim());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static Optional<PromQl.Node> query(MetricView m, Map<String, String> args) {
    return m.query().isScalar()
        ? PromQl.parse(substitute(m.query().text(), args))
        : Optional.empty();
  }

  /**
   * Checks that {@code condition} compares the measured value with {@code op value}; reports the
   * plan's number at the condition (or at the metric when the condition is missing).
   */
  static void expectThreshold(
      MetricView m,
      String field,
      String op,
      double value,
      String why,
      Map<String, String> args,
      FindingSink out) {
    YamlNode node = m.node().get(field);
    String want = "result[0] " + op + " " + Exprs.format(value);
    if (!node.isScalar() || node.text().isBlank()) {
      out.error(
          m.node(),
          "metric '"
              + m.name()
              + "' has no "
              + field
              + "; the plan wants "
              + want
              + " ("
              + why
              + ")");
      return;
    }
    Expr e;
    try {
      e = ConditionParser.parse(substitute(node.text(), args));
    } catch (ConditionSyntaxException ex) {
      return;
    }
    List<Exprs.Threshold> found = Exprs.thresholds(e);
    boolean ok = found.stream().anyMatch(t -> t.op().equals(op) && sameNumber(t.value(), value));
    if (!ok) {
      String got =
          found.isEmpty()
              ? "no threshold on result"
              : found.stream().map(Exprs.Threshold::describe).collect(Collectors.joining(", "));
      out.error(
          node,
          field
              + " of metric '"
              + m.name()
              + "' tests "
              + got
              + "; the plan wants "
              + want
              + " ("
              + why
              + ")");
    }
  }

  static boolean sameNumber(double a, double b) {
    return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  }

  /** Where a finding about a missing metric points: the template's metrics list, or its spec. */
  static YamlNode metricsNode(AnalysisTemplateView t) {
    return t.spec().get("metrics").isPresent() ? t.spec().get("metrics") : t.spec();
  }

  /** Whether {@code q} has a histogram_quantile whose quantile is not the plan's (0.95). */
  static boolean hasOtherQuantile(PromQl.Node q) {
    return PromQl.nodes(q).stream()
        .anyMatch(
            n ->
                n instanceof PromQl.Call c
                    && c.name().equals("histogram_quantile")
                    && !c.args().isEmpty()
                    && !(PromQl.unwrap(c.args().get(0)) instanceof PromQl.Num num
                        && sameNumber(num.value(), RolloutPlan.LATENCY_QUANTILE)));
  }
}
