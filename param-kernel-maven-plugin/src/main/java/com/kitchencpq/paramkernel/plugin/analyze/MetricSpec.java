package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.core.GoalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One metric of the run after argument substitution, with the fields Argo's controller reads
 * ({@code Metric} in {@code pkg/apis/rollouts/v1alpha1/analysis_types.go}). Absent int-or-string
 * fields are null, absent strings empty, as in the Go struct.
 *
 * @param template where the metric comes from, e.g. {@code AnalysisTemplate
 *     'param-kernel-canary-health'}
 * @param providers the provider kinds set ({@code plugin/<name>} per plugin entry); exactly one
 *     when valid
 * @param prometheus the Prometheus provider's settings, or null when the metric has none
 */
record MetricSpec(
    String name,
    String template,
    String interval,
    String initialDelay,
    IntOrString count,
    IntOrString failureLimit,
    IntOrString inconclusiveLimit,
    IntOrString consecutiveErrorLimit,
    IntOrString consecutiveSuccessLimit,
    String successCondition,
    String failureCondition,
    List<String> providers,
    PrometheusSpec prometheus) {

  /** The provider fields of {@code MetricProvider} in v1.7 to v1.10. */
  static final Set<String> PROVIDER_FIELDS =
      Set.of(
          "prometheus",
          "job",
          "web",
          "wavefront",
          "kayenta",
          "datadog",
          "newRelic",
          "cloudWatch",
          "graphite",
          "influxdb",
          "skywalking",
          "plugin");

  /** A Prometheus header. */
  record Header(String key, String value) {}

  /** {@code rangeQuery}: expr time expressions for start and end, a Go duration for step. */
  record RangeQuery(String start, String end, String step) {}

  /**
   * {@code PrometheusMetric}.
   *
   * @param timeout seconds, or null for the default (30 s)
   * @param oauth2 whether {@code authentication.oauth2.tokenUrl} is set
   * @param sigv4 whether {@code authentication.sigv4} is set
   */
  record PrometheusSpec(
      String address,
      String query,
      Long timeout,
      boolean insecure,
      List<Header> headers,
      RangeQuery rangeQuery,
      boolean oauth2,
      boolean sigv4) {

    PrometheusSpec withAddress(String a) {
      return new PrometheusSpec(a, query, timeout, insecure, headers, rangeQuery, oauth2, sigv4);
    }
  }

  /** The single provider kind, or "" when none or several are set. */
  String provider() {
    return providers.size() == 1 ? providers.get(0) : "";
  }

  boolean isPrometheus() {
    return provider().equals("prometheus") && prometheus != null;
  }

  /**
   * {@code Metric.EffectiveCount()}: {@code count} when set and not 0; otherwise 1 without an
   * interval, and null (run until terminated) with one.
   */
  Long effectiveCount() {
    if (count == null || count.intValue() == 0) {
      return interval.isEmpty() ? 1L : null;
    }
    return count.intValue();
  }

  MetricSpec withPrometheus(PrometheusSpec p) {
    return new MetricSpec(
        name,
        template,
        interval,
        initialDelay,
        count,
        failureLimit,
        inconclusiveLimit,
        consecutiveErrorLimit,
        consecutiveSuccessLimit,
        successCondition,
        failureCondition,
        providers,
        p);
  }

  /**
   * Reads a metric from its plain form (maps, lists, strings, longs, doubles, booleans, as the YAML
   * reader gives them). A field of the wrong type is a user error naming the field, since the
   * Kubernetes API server would refuse the object.
   */
  static MetricSpec parse(Map<?, ?> m, String template) throws GoalException {
    String name = string(m, "name", template, "?");
    String where = "metric '" + name + "' of " + template;
    Map<?, ?> provider = map(m.get("provider"), where, "provider");
    List<String> providers = new ArrayList<>();
    for (Map.Entry<?, ?> e : provider.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (e.getValue() == null || !PROVIDER_FIELDS.contains(key)) {
        continue;
      }
      if (key.equals("plugin")) {
        for (Object k : map(e.getValue(), where, "provider.plugin").keySet()) {
          providers.add("plugin/" + k);
        }
      } else {
        providers.add(key);
      }
    }
    PrometheusSpec prometheus = null;
    if (provider.get("prometheus") != null) {
      prometheus = prometheus(map(provider.get("prometheus"), where, "provider.prometheus"), where);
    }
    return new MetricSpec(
        name,
        template,
        string(m, "interval", where, ""),
        string(m, "initialDelay", where, ""),
        intOrString(m, "count", where),
        intOrString(m, "failureLimit", where),
        intOrString(m, "inconclusiveLimit", where),
        intOrString(m, "consecutiveErrorLimit", where),
        intOrString(m, "consecutiveSuccessLimit", where),
        string(m, "successCondition", where, ""),
        string(m, "failureCondition", where, ""),
        List.copyOf(providers),
        prometheus);
  }

  private static PrometheusSpec prometheus(Map<?, ?> p, String where) throws GoalException {
    Object timeout = p.get("timeout");
    Long t = null;
    if (timeout instanceof Long l) {
      t = l;
    } else if (timeout != null) {
      throw GoalException.user(
          where
              + ": provider.prometheus.timeout must be a whole number of seconds, not '"
              + timeout
              + "'");
    }
    List<Header> headers = new ArrayList<>();
    Object h = p.get("headers");
    if (h instanceof List<?> list) {
      for (Object o : list) {
        Map<?, ?> hm = map(o, where, "provider.prometheus.headers[]");
        headers.add(new Header(string(hm, "key", where, ""), string(hm, "value", where, "")));
      }
    } else if (h != null) {
      throw GoalException.user(
          where + ": provider.prometheus.headers must be a list of key/value pairs");
    }
    RangeQuery range = null;
    if (p.get("rangeQuery") != null) {
      Map<?, ?> r = map(p.get("rangeQuery"), where, "provider.prometheus.rangeQuery");
      range =
          new RangeQuery(
              string(r, "start", where, ""),
              string(r, "end", where, ""),
              string(r, "step", where, ""));
    }
    Map<?, ?> auth =
        p.get("authentication") == null
            ? Map.of()
            : map(p.get("authentication"), where, "provider.prometheus.authentication");
    Map<?, ?> oauth2 =
        auth.get("oauth2") == null ? Map.of() : map(auth.get("oauth2"), where, "oauth2");
    Map<?, ?> sigv4 = auth.get("sigv4") == null ? Map.of() : map(auth.get("sigv4"), where, "sigv4");
    boolean insecure = Boolean.TRUE.equals(p.get("insecure"));
    return new PrometheusSpec(
        string(p, "address", where, ""),
        string(p, "query", where, ""),
        t,
        insecure,
        List.copyOf(headers),
        range,
        !string(oauth2, "tokenUrl", where, "").isEmpty(),
        sigv4.values().stream().anyMatch(v -> v != null && !String.valueOf(v).isEmpty()));
  }

  private static Map<?, ?> map(Object o, String where, String field) throws GoalException {
    if (o == null) {
      return Map.of();
    }
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw GoalException.user(where + ": " + field + " must be an object");
  }

  private static String string(Map<?, ?> m, String key, String where, String fallback)
      throws GoalException {
    Object v = m.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Map || v instanceof List) {
      throw GoalException.user(where + ": " + key + " must be a string");
    }
    return String.valueOf(v);
  }

  private static IntOrString intOrString(Map<?, ?> m, String key, String where)
      throws GoalException {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Long l) {
      return IntOrString.of(l);
    }
    if (v instanceof String s) {
      return IntOrString.of(s);
    }
    throw GoalException.user(
        where + ": " + key + " must be a whole number or a string, not '" + v + "'");
  }
}
