package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.MonitorView;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Hazard: a {@code rate}, {@code irate} or {@code increase} range shorter than two scrape intervals
 * of the ServiceMonitor (or PodMonitor) of the bundle that scrapes the pods the query reads. Those
 * functions need two samples in the window (Prometheus {@code promql/functions.go}, {@code
 * extrapolatedRate} and {@code instantValue} return nothing for fewer), and a window shorter than
 * two intervals sometimes holds one: those measurements have no data.
 *
 * <p>The pods a query reads: the Services its matchers name (literally, or through the args a
 * Rollout's analysis sets), else, for a query a Rollout runs, every Service and pod template of
 * that Rollout. An endpoint without {@code interval} is assumed to be scraped every minute:
 * Prometheus's own global default ({@code scrape_interval: 1m}); a prometheus-operator Prometheus
 * resource often sets 30s, but the bundle does not show which Prometheus scrapes it, so the monitor
 * should say. When several endpoints apply, the shortest interval is used, so the finding holds for
 * every one of them. Ranges with {@code {{args.x}}} are not judged.
 */
public final class RateWindowTooShortRule extends BaseRule {
  /** Prometheus's global default scrape interval (config.DefaultGlobalConfig). */
  static final long DEFAULT_SCRAPE_MILLIS = 60_000;

  private static final Set<String> NEED_TWO_SAMPLES = Set.of("rate", "irate", "increase");

  public RateWindowTooShortRule() {
    super(
        "hazard.rate-window-too-short",
        "rate/irate/increase windows must hold at least two scrape intervals of the monitor that"
            + " scrapes the pods.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    List<MonitorView> monitors = Monitors.all(ctx);
    if (monitors.isEmpty()) {
      return;
    }
    for (MetricConditions.Metric m : MetricConditions.of(ctx)) {
      if (!m.isPrometheus() || m.query().isEmpty()) {
        continue;
      }
      List<PromQl.Call> calls =
          PromQl.nodes(m.query().get()).stream()
              .filter(
                  n ->
                      n instanceof PromQl.Call c
                          && NEED_TWO_SAMPLES.contains(c.name())
                          && c.args().size() == 1
                          && c.args().get(0) instanceof PromQl.Selector s
                          && s.range() != null)
              .map(PromQl.Call.class::cast)
              .toList();
      if (calls.isEmpty()) {
        continue;
      }
      Optional<Scrape> scrape = scrape(ctx, m, monitors);
      if (scrape.isEmpty()) {
        continue;
      }
      for (PromQl.Call c : calls) {
        String range = ((PromQl.Selector) c.args().get(0)).range();
        OptionalLong millis = PromQl.durationMillis(range);
        if (millis.isPresent() && millis.getAsLong() < 2 * scrape.get().millis()) {
          Scrape s = scrape.get();
          out.hazard(
              m.view().query(),
              "query of "
                  + m.label()
                  + " takes "
                  + c.name()
                  + " over ["
                  + range
                  + "], but "
                  + s.monitor().label()
                  + " ("
                  + s.monitor().manifest().file()
                  + ":"
                  + s.monitor().manifest().root().line()
                  + ") scrapes those pods every "
                  + format(s.millis())
                  + (s.assumed()
                      ? " (it sets no interval: Prometheus's global default scrape_interval of 1m"
                          + " is assumed; set spec.endpoints[].interval to say)"
                      : "")
                  + ": a window shorter than two scrapes sometimes holds a single sample, "
                  + c.name()
                  + " needs two,"
                  + " and those measurements have no data; use a range of at least "
                  + format(2 * s.millis())
                  + " (four scrape intervals, "
                  + format(4 * s.millis())
                  + ", leave room for a missed scrape)");
          break;
        }
      }
    }
  }

  /**
   * The shortest scrape interval of the endpoints that scrape the pods of a metric, and its
   * monitor.
   */
  record Scrape(MonitorView monitor, long millis, boolean assumed) {}

  private static Optional<Scrape> scrape(
      ValidationContext ctx, MetricConditions.Metric m, List<MonitorView> monitors) {
    Set<String> services = new LinkedHashSet<>();
    List<Bindings.Bound> bound = Bindings.of(ctx).stream().filter(b -> b.metric() == m).toList();
    for (Bindings.Bound b : bound) {
      b.matches().stream()
          .filter(x -> !x.service().isEmpty())
          .forEach(x -> services.add(x.service()));
    }
    for (PromQl.Selector s : PromQl.selectors(m.query().get())) {
      for (PromQl.Matcher x : s.matchers()) {
        if (x.label().equals("service")
            && x.op().equals("=")
            && x.quoted()
            && !x.value().contains("{{")) {
          services.add(x.value());
        }
      }
    }
    Set<Manifest> rolloutObjects = new LinkedHashSet<>();
    if (services.isEmpty()) {
      for (Bindings.Bound b : bound) {
        rolloutObjects.add(b.rollout().manifest());
        rolloutObjects.addAll(Bindings.rolloutServices(b.rollout(), ctx));
      }
    }
    List<Scrape> found = new ArrayList<>();
    for (MonitorView mon : monitors) {
      Optional<List<Monitors.Target>> scraped = Monitors.scraped(ctx, mon);
      if (scraped.isEmpty()) {
        continue;
      }
      boolean relevant =
          scraped.get().stream()
              .anyMatch(
                  t ->
                      services.isEmpty()
                          ? rolloutObjects.contains(t.owner())
                          : !mon.isPodMonitor() && services.contains(t.owner().name()));
      if (!relevant) {
        continue;
      }
      for (MonitorView.Endpoint e : mon.endpoints()) {
        if (e.interval().isAbsent() || e.interval().text("").isEmpty()) {
          found.add(new Scrape(mon, DEFAULT_SCRAPE_MILLIS, true));
          continue;
        }
        OptionalLong ms = PromQl.durationMillis(e.interval().text(""));
        if (ms.isEmpty() || ms.getAsLong() == 0) {
          return Optional.empty();
        }
        found.add(new Scrape(mon, ms.getAsLong(), false));
      }
    }
    return found.stream().min(java.util.Comparator.comparingLong(Scrape::millis));
  }

  /** A duration as Prometheus writes it: 15s, 1m30s, 2h, 500ms. */
  static String format(long millis) {
    StringBuilder sb = new StringBuilder();
    long[] units = {3600_000, 60_000, 1000, 1};
    String[] names = {"h", "m", "s", "ms"};
    long rest = millis;
    for (int i = 0; i < units.length; i++) {
      if (rest >= units[i]) {
        sb.append(rest / units[i]).append(names[i]);
        rest %= units[i];
      }
    }
    return sb.length() == 0 ? "0s" : sb.toString();
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a `rate`/`irate`/`increase` range shorter than two scrape intervals of the"
                + " ServiceMonitor or PodMonitor of the bundle that scrapes the pods the query"
                + " reads (an endpoint without `interval` is taken as 1m, Prometheus's global"
                + " default; not judged without a monitor)")
        .why(
            "the functions need two samples; a shorter window sometimes holds one, and that "
                + "measurement has no data")
        .fix("Use a range of at least two scrape intervals (four is safer), or scrape more often.");
  }
}
