package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.expr.ConditionSyntaxException;
import com.kitchencpq.paramkernel.plugin.expr.TimeExpression;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Argo Rollouts' Prometheus provider ({@code metricproviders/prometheus/prometheus.go}) for one
 * run: {@code NewPrometheusAPI} and {@code NewPrometheusProvider} (address and timeout checks),
 * {@code Run} (the query at the measurement's instant, or the range query) and {@code
 * processResponse} (what {@code result} is bound to, how the value is shown, then {@link
 * ConditionEvaluation}).
 */
final class PrometheusProvider implements MeasurementSource {
  /** The default timeout of {@code NewPrometheusProvider}. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final PrometheusClient client = new PrometheusClient();
  private final ArgoVersion release;

  PrometheusProvider(ArgoVersion release) {
    this.release = release;
  }

  @Override
  public Observation measure(MetricSpec metric, Instant at) throws InterruptedException {
    MetricSpec.PrometheusSpec p = metric.prometheus();
    // NewPrometheusAPI: the controller's ARGO_ROLLOUTS_PROMETHEUS_ADDRESS is the controller's
    // own setting; here paramkernel.prometheusAddress takes its place (applied before this)
    if (p.address().isEmpty()) {
      return Observation.error("prometheus address is not configured", false);
    }
    if (!PrometheusClient.isUrl(p.address())) {
      return Observation.error("prometheus address is not is url format", false);
    }
    // NewPrometheusProvider
    if (p.timeout() != null && p.timeout() < 0) {
      return Observation.error("prometheus timeout should not be negative", false);
    }
    Duration timeout = p.timeout() == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(p.timeout());
    PrometheusClient.Answer answer;
    try {
      if (release.hasRangeQuery() && p.rangeQuery() != null) {
        MetricSpec.RangeQuery rq = p.rangeQuery();
        Instant start;
        Instant end;
        Duration step;
        try {
          start = time(rq.start(), at);
        } catch (ConditionSyntaxException | TimeExpression.Failure e) {
          return Observation.error(
              "failed to parse rangeQuery.start as time: " + e.getMessage(), false);
        }
        try {
          end = time(rq.end(), at);
        } catch (ConditionSyntaxException | TimeExpression.Failure e) {
          return Observation.error(
              "failed to parse rangeQuery.end as time: " + e.getMessage(), false);
        }
        step = Controller.duration(rq.step());
        if (step == null) {
          return Observation.error(
              "failed to parse rangeQuery.step as duration: "
                  + Syntax.parseGoDuration(rq.step()).error(),
              false);
        }
        answer =
            client.queryRange(
                p.address(), p.query(), start, end, step, timeout, p.insecure(), p.headers());
      } else {
        answer = client.query(p.address(), p.query(), at, timeout, p.insecure(), p.headers());
      }
    } catch (PrometheusClient.QueryFailure e) {
      return Observation.error(e.getMessage(), e.unreachable());
    } catch (UnsupportedTime e) {
      return Observation.error(e.getMessage(), false);
    }
    return processResponse(metric, answer);
  }

  private static final class UnsupportedTime extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedTime(String message) {
      super(message);
    }
  }

  private static Instant time(String expression, Instant now)
      throws ConditionSyntaxException, TimeExpression.Failure, UnsupportedTime {
    try {
      return TimeExpression.evaluate(expression, now);
    } catch (TimeExpression.Unsupported e) {
      throw new UnsupportedTime(
          "the plugin's expression engine cannot evaluate "
              + e.getMessage()
              + " in the rangeQuery time \""
              + expression
              + "\"; the measurement is marked Error instead of guessing");
    }
  }

  /**
   * {@code processResponse}: a scalar is bound as one float and shown as Go formats it ({@code
   * 0.5}, {@code NaN}, {@code +Inf}); a vector as the list of its sample values in Prometheus'
   * order, labels dropped, shown as {@code [0.5,1]} ({@code []} when empty); a matrix as every
   * sample of every series flattened into one list. An evaluation error drops the value, as
   * upstream marks the measurement Error before setting it.
   */
  static Observation processResponse(
      MetricSpec metric, PrometheusClient.Answer answer, ArgoVersion release) {
    PrometheusClient.QueryValue v = answer.value();
    Object result;
    String shown;
    if (v.kind() == PrometheusClient.QueryValue.Kind.SCALAR) {
      result = v.values().get(0);
      shown = GoText.formatFloat(v.values().get(0));
    } else {
      result = List.copyOf(v.values());
      shown =
          v.values().stream().map(GoText::formatFloat).collect(Collectors.joining(",", "[", "]"));
    }
    ConditionEvaluation.Outcome o =
        ConditionEvaluation.evaluateResult(
            result, metric.successCondition(), metric.failureCondition(), release);
    if (o.phase() == Phase.ERROR) {
      return new Observation(null, Phase.ERROR, o.error(), false, answer.warnings());
    }
    return new Observation(shown, o.phase(), "", false, answer.warnings());
  }

  private Observation processResponse(MetricSpec metric, PrometheusClient.Answer answer) {
    return processResponse(metric, answer, release);
  }
}
