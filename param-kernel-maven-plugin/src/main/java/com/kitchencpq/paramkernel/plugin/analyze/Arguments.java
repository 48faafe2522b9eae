package com.kitchencpq.paramkernel.plugin.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analysis arguments the way Argo Rollouts merges and substitutes them: the templates' declared
 * arguments combined ({@code flattenArgs}), the values the Rollout (and here the user) passes
 * merged into them ({@code MergeArgs}, {@code ResolveArgs}) and the {@code {{args.x}}} tags of each
 * metric replaced ({@code ResolveMetricArgs}, {@code ResolveQuotedArgs}).
 */
final class Arguments {
  private Arguments() {}

  /**
   * Where an argument's value comes from when it has none of its own.
   *
   * @param secretName {@code secretKeyRef.name}, or null
   * @param secretKey {@code secretKeyRef.key}, or null
   * @param fieldPath {@code fieldRef.fieldPath}, or null
   * @param podTemplateHash {@code podTemplateHashValue} ({@code Stable} or {@code Latest}), or null
   */
  record ValueFrom(String secretName, String secretKey, String fieldPath, String podTemplateHash) {
    boolean isSecret() {
      return secretName != null;
    }
  }

  /** {@code Argument}: a name with a value, a source, or (in a template) neither. */
  record Argument(String name, String value, ValueFrom valueFrom) {
    Argument withValue(String v) {
      return new Argument(name, v, valueFrom);
    }

    Argument withValueFrom(ValueFrom v) {
      return new Argument(name, value, v);
    }
  }

  /**
   * {@code flattenArgs} of {@code utils/analysis/helpers.go}: the arguments of all templates
   * (AnalysisTemplates first, then ClusterAnalysisTemplates, each in order), one per name. A name
   * declared twice keeps the first value; a declaration without a value is replaced by a later one;
   * two different values are an error.
   *
   * @throws IllegalArgumentException with upstream's message
   */
  static List<Argument> flattenArgs(List<List<Argument>> templates) {
    List<Argument> combined = new ArrayList<>();
    for (List<Argument> args : templates) {
      for (Argument arg : args) {
        boolean found = false;
        for (int i = 0; i < combined.size(); i++) {
          Argument prev = combined.get(i);
          if (prev.name().equals(arg.name())) {
            if (prev.value() != null && arg.value() != null && !prev.value().equals(arg.value())) {
              throw new IllegalArgumentException(
                  "Argument `"
                      + prev.name()
                      + "` specified multiple times with different values: '"
                      + prev.value()
                      + "', '"
                      + arg.value()
                      + "'");
            }
            if (prev.value() == null) {
              combined.set(i, arg);
            }
            found = true;
            break;
          }
        }
        if (!found) {
          combined.add(arg);
        }
      }
    }
    return combined;
  }

  /**
   * {@code MergeArgs} of {@code utils/analysis/helpers.go}: every incoming argument that the
   * templates declare sets the declaration's value (or, without a value, its source); incoming
   * arguments the templates do not declare are dropped. Then {@code ResolveArgs}: each argument
   * needs a value or a source.
   *
   * @throws IllegalArgumentException {@code args.<name> was not resolved} for the first one without
   */
  static List<Argument> mergeArgs(List<Argument> incoming, List<Argument> templateArgs) {
    List<Argument> merged = merge(incoming, templateArgs);
    for (Argument a : merged) {
      if (a.value() == null && a.valueFrom() == null) {
        throw new IllegalArgumentException("args." + a.name() + " was not resolved");
      }
    }
    return merged;
  }

  /** The merge of {@link #mergeArgs} without its final check. */
  static List<Argument> merge(List<Argument> incoming, List<Argument> templateArgs) {
    List<Argument> merged = new ArrayList<>(templateArgs);
    for (Argument arg : incoming) {
      for (int i = 0; i < merged.size(); i++) {
        if (merged.get(i).name().equals(arg.name())) {
          if (arg.value() != null) {
            merged.set(i, merged.get(i).withValue(arg.value()));
          } else if (arg.valueFrom() != null) {
            merged.set(i, merged.get(i).withValueFrom(arg.valueFrom()));
          }
          break;
        }
      }
    }
    return merged;
  }

  /** The order in which Go's {@code json.Marshal} writes the fields of {@code Metric}. */
  private static final List<String> METRIC_FIELDS =
      List.of(
          "name",
          "interval",
          "initialDelay",
          "count",
          "successCondition",
          "failureCondition",
          "failureLimit",
          "inconclusiveLimit",
          "consecutiveErrorLimit",
          "provider",
          "consecutiveSuccessLimit");

  /** The order of the fields of {@code PrometheusMetric}. */
  private static final List<String> PROMETHEUS_FIELDS =
      List.of("address", "query", "authentication", "timeout", "insecure", "headers", "rangeQuery");

  /**
   * {@code ResolveMetricArgs} of {@code utils/analysis/factory.go}: Argo marshals the metric to
   * JSON, replaces every {@code {{tag}}} in the text ({@code fasttemplate}, tag whitespace trimmed)
   * with {@code strconv.Quote(value)} minus its quotes, and unmarshals the result. So a value is
   * inserted as it is (quotes, backslashes and newlines survive), except that a character Go quotes
   * with an escape JSON does not know ({@code \a}, {@code \v}, {@code \x..}, {@code \U........}:
   * control characters such as BEL and DEL) makes the unmarshal fail. A tag that is not an argument
   * fails with {@code failed to resolve {{tag}}} (the last such tag in field order, as fasttemplate
   * keeps the last error); a {@code {{} without its {@code }}} fails before anything is replaced.
   *
   * <p>This walks the metric's strings in marshal order instead of one JSON text; that differs only
   * for a tag that would span two fields, which fails either way.
   *
   * @param metric the metric in plain form (maps, lists, strings, numbers)
   * @param args every argument's value by name
   * @return the metric with every tag replaced
   * @throws IllegalArgumentException with upstream's message
   */
  static Object resolveMetricArgs(Object metric, Map<String, String> args) {
    Map<String, String> quoted = new LinkedHashMap<>();
    args.forEach(
        (name, value) -> {
          String q = GoText.quote(value);
          quoted.put("args." + name, q.substring(1, q.length() - 1));
        });
    List<String> strings = new ArrayList<>();
    collectStrings(metric, strings, true);
    for (String s : strings) {
      String encoded = GoText.jsonEscape(s);
      int open = encoded.indexOf("{{");
      while (open >= 0) {
        int close = encoded.indexOf("}}", open + 2);
        if (close < 0) {
          throw new IllegalArgumentException(
              "Cannot find end tag=\"}}\" in the template="
                  + GoText.quote(encoded)
                  + " starting from "
                  + GoText.quote(encoded.substring(open + 2)));
        }
        open = encoded.indexOf("{{", close + 2);
      }
    }
    String[] lastUnresolved = new String[1];
    Object out = substitute(metric, quoted, lastUnresolved, true);
    if (lastUnresolved[0] != null) {
      throw new IllegalArgumentException("failed to resolve {{" + lastUnresolved[0] + "}}");
    }
    return out;
  }

  private static void collectStrings(Object o, List<String> out, boolean top) {
    if (o instanceof String s) {
      out.add(s);
    } else if (o instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : ordered(m, top)) {
        out.add(String.valueOf(e.getKey()));
        collectStrings(e.getValue(), out, false);
      }
    } else if (o instanceof List<?> l) {
      l.forEach(x -> collectStrings(x, out, false));
    }
  }

  private static Object substitute(
      Object o, Map<String, String> args, String[] lastUnresolved, boolean top) {
    if (o instanceof String s) {
      return substituteString(s, args, lastUnresolved);
    }
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ordered(m, top)) {
        String key = substituteString(String.valueOf(e.getKey()), args, lastUnresolved);
        out.put(key, substitute(e.getValue(), args, lastUnresolved, false));
      }
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(substitute(x, args, lastUnresolved, false));
      }
      return out;
    }
    return o;
  }

  /** Map entries in Go's marshal order for the metric itself and its Prometheus provider. */
  private static List<Map.Entry<?, ?>> ordered(Map<?, ?> m, boolean top) {
    List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
    List<String> order =
        top
            ? METRIC_FIELDS
            : m.containsKey("query") && m.containsKey("address") ? PROMETHEUS_FIELDS : List.of();
    if (!order.isEmpty()) {
      entries.sort(
          Comparator.comparingInt(
              e -> {
                int i = order.indexOf(String.valueOf(e.getKey()));
                return i < 0 ? order.size() : i;
              }));
    }
    return entries;
  }

  private static String substituteString(
      String s, Map<String, String> args, String[] lastUnresolved) {
    if (!s.contains("{{")) {
      return s;
    }
    String encoded = GoText.jsonEscape(s);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (true) {
      int open = encoded.indexOf("{{", i);
      if (open < 0) {
        sb.append(encoded, i, encoded.length());
        break;
      }
      int close = encoded.indexOf("}}", open + 2);
      sb.append(encoded, i, open);
      String tag = encoded.substring(open + 2, close);
      String value = args.get(tag.trim());
      if (value != null) {
        sb.append(value);
      } else {
        lastUnresolved[0] = tag;
      }
      i = close + 2;
    }
    return GoText.jsonUnescape(sb.toString());
  }
}
