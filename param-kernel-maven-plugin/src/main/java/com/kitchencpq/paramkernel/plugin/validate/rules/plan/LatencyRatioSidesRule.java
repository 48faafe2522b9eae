package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ratio metric's query compares the canary with the stable pods, like with like: {@code
 * histogram_quantile(...canary...) / histogram_quantile(...stable...)}, the numerator selecting
 * {@code rollouts_pod_template_hash} by {@code {{args.latest-hash}}} and the denominator by {@code
 * {{args.stable-hash}}}; every series read through the client Service (it selects every pod, the
 * canary Service only the canary's), over the plan's 1 m window and the same route as the other
 * health metrics; and an {@code and} guard per side that drops the result when that side served
 * fewer than 1 API request per second (a p95 of a handful of requests is noise: too little traffic
 * must be no data, Inconclusive).
 */
public final class LatencyRatioSidesRule extends PlanRule {
  private static final String ROUTE = "route";

  public LatencyRatioSidesRule() {
    super(
        "plan.latency-ratio-sides",
        "The ratio metric must divide the canary's p95 by the stable pods' p95, like with like,"
            + " guarded per side.");
  }

  /** One side of the comparison: the series it reads and the hash arg it selects by. */
  private record Side(String what, PromQl.Node node, List<PromQl.Selector> selectors) {}

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Optional<AnalysisTemplateView> t = PlanMetrics.template(r, ctx, plan);
    if (t.isEmpty()) {
      return;
    }
    Optional<MetricView> metric = PlanMetrics.ratio(t.get(), plan);
    if (metric.isEmpty()) {
      return; // plan.latency-ratio-metric says so
    }
    MetricView m = metric.get();
    Map<String, String> args = PlanMetrics.args(t.get(), r);
    Optional<PromQl.Node> parsed = PlanMetrics.query(m, args);
    if (parsed.isEmpty()) {
      return; // unreadable queries are the PromQL rules' business
    }
    RolloutPlan.HashArgs h = plan.hashes();
    String bucket = plan.latencyVsStable().series();
    List<String> problems = new ArrayList<>();

    // value and guards: (canary / stable) and on() (guard) and on() (guard)
    List<PromQl.Node> guards = new ArrayList<>();
    PromQl.Node value = PromQl.unwrap(parsed.get());
    while (value instanceof PromQl.Binary b && b.op().equals("and")) {
      guards.add(0, PromQl.unwrap(b.right()));
      value = PromQl.unwrap(b.left());
    }
    if (!(value instanceof PromQl.Binary div
        && div.op().equals("/")
        && isQuantile(PromQl.unwrap(div.left()))
        && isQuantile(PromQl.unwrap(div.right())))) {
      out.error(
          m.query(),
          "query of metric '"
              + m.name()
              + "' is not one p95 divided by another; the plan wants histogram_quantile(0.95,"
              + " <canary pods>) / histogram_quantile(0.95, <stable pods>), each side selecting "
              + h.label()
              + " by {{args."
              + h.latest()
              + "}} and {{args."
              + h.stable()
              + "}} respectively");
      return;
    }
    Side canary =
        new Side("canary side (numerator)", div.left(), bucketSelectors(div.left(), bucket));
    Side stable =
        new Side("stable side (denominator)", div.right(), bucketSelectors(div.right(), bucket));
    expectHash(canary, h.latest(), problems);
    expectHash(stable, h.stable(), problems);

    // like with like: one Service, one window, one route
    List<PromQl.Selector> all = new ArrayList<>(canary.selectors());
    all.addAll(stable.selectors());
    Set<String> services = values(all, "service");
    if (!services.equals(Set.of(plan.clientService()))) {
      problems.add(
          "reads service "
              + describe(services)
              + "; the plan reads both sides through the client"
              + " Service, service=\""
              + plan.clientService()
              + "\" (it selects every pod; the canary Service"
              + " has no stable pod during an update)");
    }
    Set<String> windows = new LinkedHashSet<>();
    for (PromQl.Selector s : all) {
      windows.add(s.range() == null ? "no range window" : "[" + s.range() + "]");
    }
    boolean windowOk =
        all.stream()
            .allMatch(
                s ->
                    s.range() != null
                        && ErrorRateMetricRule.sameDuration(
                            s.range(), plan.latencyVsStable().window()));
    if (!windowOk) {
      problems.add(
          "reads the histogram over "
              + String.join(" and ", windows)
              + "; the plan compares both"
              + " sides over the same ["
              + plan.latencyVsStable().window()
              + "] window as the other health"
              + " metrics");
    }
    Set<String> routes = values(all, ROUTE);
    Set<String> healthRoutes = healthRoutes(t.get(), args);
    if (routes.size() != 1 || routes.contains(null)) {
      problems.add(
          "reads route "
              + describe(routes)
              + " on its two sides; the plan compares the same route on"
              + " both ("
              + describe(healthRoutes)
              + ", as the other health metrics)");
    } else if (!healthRoutes.isEmpty() && !healthRoutes.equals(routes)) {
      problems.add(
          "reads route "
              + describe(routes)
              + "; the other health metrics read "
              + describe(healthRoutes)
              + ", and the plan judges the same requests in all three");
    }

    // a minimum-rate guard on each side
    for (Side side : List.of(canary, stable)) {
      String arg = side == canary ? h.latest() : h.stable();
      boolean guarded = guards.stream().anyMatch(g -> guards(g, arg, routes));
      boolean boolOnly =
          guards.stream()
              .anyMatch(g -> g instanceof PromQl.Binary b && b.bool() && mentions(g, arg));
      if (!guarded) {
        problems.add(
            "has no minimum-rate guard for the "
                + side.what()
                + "; the plan wants `and on() (sum(rate("
                + h.rateSeries()
                + "{...,"
                + h.label()
                + "=\"{{args."
                + arg
                + "}}\"}["
                + plan.latencyVsStable().window()
                + "])) >= "
                + Exprs.format(h.minimumRate())
                + ")` so that a side with fewer than "
                + Exprs.format(h.minimumRate())
                + " request/s gives no data (Inconclusive), not a verdict"
                + (boolOnly
                    ? "; the guard it has compares with `bool`, which turns every series into 0 or"
                        + " 1 instead of dropping the series below the bound, so `and on()` keeps"
                        + " the ratio at any rate: drop `bool`"
                    : ""));
      }
    }
    for (String p : problems) {
      out.error(m.query(), "query of metric '" + m.name() + "' " + p);
    }
  }

  private static boolean isQuantile(PromQl.Node n) {
    return n instanceof PromQl.Call c && c.name().equals("histogram_quantile");
  }

  private static List<PromQl.Selector> bucketSelectors(PromQl.Node n, String series) {
    return PromQl.selectors(n).stream().filter(s -> s.name().equals(series)).toList();
  }

  private void expectHash(Side side, String arg, List<String> problems) {
    String label = plan.hashes().label();
    Set<String> got = new LinkedHashSet<>();
    for (PromQl.Selector s : side.selectors()) {
      got.add(
          s.matchers().stream()
              .filter(x -> x.label().equals(label) && x.op().equals("="))
              .map(
                  x ->
                      PlanMetrics.argOf(x.value())
                          .map(a -> "{{args." + a + "}}")
                          .orElse("\"" + x.value() + "\""))
              .findFirst()
              .orElse(null));
    }
    String want = "{{args." + arg + "}}";
    if (!got.equals(Set.of(want))) {
      String other =
          arg.equals(plan.hashes().latest()) ? plan.hashes().stable() : plan.hashes().latest();
      String self =
          got.contains("{{args." + other + "}}")
              ? " (it would compare the "
                  + (other.equals(plan.hashes().latest()) ? "canary" : "stable")
                  + " pods with themselves: a ratio of 1 whatever the canary does)"
              : "";
      problems.add(
          "selects the "
              + side.what()
              + " by "
              + (got.contains(null) && got.size() == 1
                  ? "no " + label
                  : label + "=" + String.join(", ", nonNull(got)))
              + "; the plan wants "
              + label
              + "=\""
              + want
              + "\" there"
              + self);
    }
  }

  /** Whether {@code g} selects the hash {@code {{args.<arg>}}} anywhere. */
  private boolean mentions(PromQl.Node g, String arg) {
    return PromQl.selectors(g).stream()
        .flatMap(s -> s.matchers().stream())
        .anyMatch(
            x ->
                x.label().equals(plan.hashes().label())
                    && PlanMetrics.argOf(x.value()).equals(Optional.of(arg)));
  }

  /**
   * Whether {@code g} is {@code sum(rate(<counter>{hash=arg, same route}[window])) >= min}, without
   * the {@code bool} modifier (with it the comparison filters nothing).
   */
  private boolean guards(PromQl.Node g, String arg, Set<String> routes) {
    RolloutPlan.HashArgs h = plan.hashes();
    if (!(g instanceof PromQl.Binary b)
        || b.bool()
        || !(b.op().equals(">=") || b.op().equals(">"))
        || !(PromQl.unwrap(b.right()) instanceof PromQl.Num n)
        || n.value() < h.minimumRate()
        || !isSumOfRate(PromQl.unwrap(b.left()))) {
      return false;
    }
    List<PromQl.Selector> sel =
        PromQl.selectors(b.left()).stream().filter(s -> s.name().equals(h.rateSeries())).toList();
    return !sel.isEmpty()
        && sel.stream()
            .allMatch(
                s ->
                    s.range() != null
                        && ErrorRateMetricRule.sameDuration(
                            s.range(), plan.latencyVsStable().window())
                        && s.matchers().stream()
                            .anyMatch(
                                x ->
                                    x.label().equals(h.label())
                                        && x.op().equals("=")
                                        && PlanMetrics.argOf(x.value()).equals(Optional.of(arg)))
                        && routes.equals(values(List.of(s), ROUTE))
                        && values(List.of(s), "service").equals(Set.of(plan.clientService())));
  }

  /**
   * Whether {@code n} is {@code sum(rate(...))} with no grouping: one number per side, in requests
   * per second. {@code count} would be the number of series (1 as soon as one exists), {@code
   * increase} requests per window, and {@code sum by (pod)} a labelled vector that {@code and}
   * cannot match with the label-free ratio, so the ratio would always be empty.
   */
  private static boolean isSumOfRate(PromQl.Node n) {
    return n instanceof PromQl.Agg a
        && a.name().equals("sum")
        && !a.grouping().equals("without")
        && a.labels().isEmpty()
        && a.args().size() == 1
        && PromQl.unwrap(a.args().get(0)) instanceof PromQl.Call c
        && c.name().equals("rate");
  }

  /** The routes the plan's other health metrics read (empty when not found). */
  private Set<String> healthRoutes(AnalysisTemplateView t, Map<String, String> args) {
    Set<String> out = new LinkedHashSet<>();
    List<MetricView> others = new ArrayList<>();
    PlanMetrics.metric(t, plan.errorRate().series(), null).ifPresent(others::add);
    PlanMetrics.latency(t, plan).ifPresent(others::add);
    for (MetricView o : others) {
      PlanMetrics.query(o, args).ifPresent(q -> out.addAll(values(PromQl.selectors(q), ROUTE)));
    }
    out.remove(null);
    return out;
  }

  /**
   * The values of the {@code label="..."} matchers of the selectors; null for a selector without
   * one.
   */
  private static Set<String> values(List<PromQl.Selector> selectors, String label) {
    Set<String> out = new LinkedHashSet<>();
    for (PromQl.Selector s : selectors) {
      out.add(
          s.matchers().stream()
              .filter(x -> x.label().equals(label) && x.op().equals("="))
              .map(PromQl.Matcher::value)
              .findFirst()
              .orElse(null));
    }
    return out;
  }

  private static List<String> nonNull(Set<String> values) {
    return values.stream().map(v -> v == null ? "(none)" : v).toList();
  }

  private static String describe(Set<String> values) {
    return values.isEmpty()
        ? "(none)"
        : String.join(
            " and ",
            values.stream().map(v -> v == null ? "(no filter)" : "\"" + v + "\"").toList());
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "the ratio metric's query is `histogram_quantile(0.95, <canary>) /"
                + " histogram_quantile(0.95, <stable>)`, the canary side selecting"
                + " `rollouts_pod_template_hash` by `{{args.latest-hash}}` and the stable side by"
                + " `{{args.stable-hash}}`, both through `service=\"param-kernel-service\"` over"
                + " `[1m]` and the other health metrics' route, each side guarded by `and on()"
                + " (sum(rate(http_requests_total{...}[1m])) >= 1)`")
        .why(
            "the same hash on both sides compares a side with itself (a ratio of 1 whatever the"
                + " canary does); different windows, routes or Services compare different requests;"
                + " without a rate guard a p95 of a handful of requests decides the rollout; a"
                + " guard compared with `bool` yields 0 or 1 instead of dropping the series, so it"
                + " guards nothing")
        .fix(
            "Divide the canary side (latest-hash) by the stable side (stable-hash) on the same "
                + "Service, window and route, and guard each side with a minimum request rate.");
  }
}
