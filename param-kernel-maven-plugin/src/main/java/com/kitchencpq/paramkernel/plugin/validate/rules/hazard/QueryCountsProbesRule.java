package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.ArgTags;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Hazard: a query over param-kernel-service's request metrics ({@code http_requests_total}, {@code
 * http_request_duration_seconds_*}) whose {@code route} matchers let probes ({@code /healthz/live},
 * {@code /healthz/ready}), scrapes ({@code /metrics}) or unmatched paths through.
 * param-kernel-service counts those in the same series; about 40 fast 200s a minute make a canary
 * that serves no API request look healthy (error ratio 0, p95 in the lowest bucket), so the
 * analysis passes on no evidence. Matchers are applied the way Prometheus applies them (a regex
 * matches the whole value); a route value only known at run time is not judged.
 */
public final class QueryCountsProbesRule extends PerParsedMetricRule {
  public QueryCountsProbesRule() {
    super(
        "hazard.query-counts-probes",
        "Queries over the service's request metrics must filter the API route (no probes, no"
            + " scrapes).");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || m.query().isEmpty() || !measuresTheService(m, ctx)) {
      return;
    }
    for (PromQl.Selector s : PromQl.selectors(m.query().get())) {
      String series = seriesName(s);
      if (!ServiceMetrics.REQUEST_SERIES.contains(series)) {
        continue;
      }
      List<PromQl.Matcher> route =
          s.matchers().stream().filter(x -> x.label().equals(ServiceMetrics.ROUTE_LABEL)).toList();
      if (route.stream().anyMatch(x -> !ArgTags.tags(x.value()).isEmpty() || !x.quoted())) {
        continue; // only known at run time
      }
      List<String> counted = new ArrayList<>();
      for (String r : ServiceMetrics.NON_API_ROUTES) {
        Boolean accepted = accepts(route, r);
        if (accepted == null) {
          return;
        }
        if (accepted) {
          counted.add(r);
        }
      }
      if (!counted.isEmpty()) {
        out.hazard(
            m.view().query(),
            "query of "
                + m.label()
                + " reads "
                + series
                + (route.isEmpty()
                    ? " without a route filter"
                    : " with route matchers that let " + String.join(", ", counted) + " through")
                + ": the service counts its probes and scrapes ("
                + String.join(", ", counted)
                + ") in the same series, so a canary that serves no API request still looks healthy"
                + " and the analysis passes on no evidence; add "
                + ServiceMetrics.ROUTE_LABEL
                + "=\""
                + ServiceMetrics.API_ROUTE
                + "\" to the selector");
        return;
      }
    }
  }

  /**
   * Whether the metric measures param-kernel-service: its template is the plan's health template,
   * or a Rollout that runs it is the service's (the plan's Rollout, or a pod template running the
   * service's image). Other applications' http_requests_total may have no route label at all, and
   * what they count is not known here.
   */
  static boolean measuresTheService(MetricConditions.Metric m, ValidationContext ctx) {
    RolloutPlan plan = RolloutPlan.PARAM_KERNEL;
    if (m.template().name().equals(plan.analysisTemplate())) {
      return true;
    }
    return Bindings.of(ctx).stream()
        .filter(b -> b.metric() == m)
        .map(Bindings.Bound::rollout)
        .anyMatch(
            r ->
                r.name().equals(plan.rolloutName())
                    || r.allContainers().stream()
                        .anyMatch(
                            c ->
                                c.get("image").text("").startsWith(plan.imageRepository() + "@")
                                    || c.get("image")
                                        .text("")
                                        .startsWith(plan.imageRepository() + ":")));
  }

  private static String seriesName(PromQl.Selector s) {
    if (!s.name().isEmpty()) {
      return s.name();
    }
    return s.matchers().stream()
        .filter(x -> x.label().equals("__name__") && x.op().equals("="))
        .map(PromQl.Matcher::value)
        .findFirst()
        .orElse("");
  }

  /** Whether every route matcher accepts {@code route}; null when a regex cannot be read. */
  private static Boolean accepts(List<PromQl.Matcher> matchers, String route) {
    for (PromQl.Matcher x : matchers) {
      boolean ok;
      try {
        ok =
            switch (x.op()) {
              case "=" -> x.value().equals(route);
              case "!=" -> !x.value().equals(route);
              case "=~" -> Pattern.compile("(?:" + x.value() + ")").matcher(route).matches();
              case "!~" -> !Pattern.compile("(?:" + x.value() + ")").matcher(route).matches();
              default -> true;
            };
      } catch (PatternSyntaxException e) {
        return null;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a query over param-kernel-service's request series (`http_requests_total`,"
                + " `http_request_duration_seconds_bucket/_sum/_count`) whose `route` matchers let"
                + " `/healthz/live`, `/healthz/ready`, `/metrics` or `unmatched` through (no"
                + " `route` filter at all, or a regex that admits them); the service's: the plan's"
                + " health template, or run by the plan's Rollout or by a pod template with the"
                + " service's image")
        .why(
            "param-kernel-service counts probes and scrapes in the same series: a canary without "
                + "API traffic shows about 40 fast 200s a minute and passes")
        .fix(
            "Filter the API route: `route=\"/v1/apply-delta\"` next to `service` and `namespace`.");
  }
}
