package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

/**
 * Small AnalysisTemplate fixtures with one metric. The metric's own fields start on line 8, so a
 * test that puts {@code successCondition} first expects findings on line 8.
 */
public final class MetricYaml {
  private MetricYaml() {}

  /** Line of the first metric field. */
  public static final int FIRST = 8;

  /**
   * A template whose only metric has {@code fields} (one per line) and a Prometheus provider with
   * {@code query}.
   */
  public static String prometheus(String query, String... fields) {
    return template(fields)
        + """
              provider:
                prometheus:
                  address: http://prometheus:9090
                  query: |-
        """
        + "            "
        + query
        + "\n";
  }

  /** Like {@link #prometheus} with a rangeQuery. */
  public static String rangeQuery(String query, String... fields) {
    return prometheus(query, fields)
        + """
                  rangeQuery:
                    start: now() - duration("5m")
                    end: now()
                    step: 1m
        """;
  }

  /** A web metric (result is the JSON at jsonPath: unknown shape). */
  public static String web(String... fields) {
    return template(fields)
        + """
              provider:
                web:
                  url: http://svc/health
                  jsonPath: "{$}"
        """;
  }

  private static String template(String... fields) {
    StringBuilder sb =
        new StringBuilder(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata:
              name: health
            spec:
              metrics:
                - name: m
            """);
    for (String f : fields) {
      sb.append("      ").append(f).append('\n');
    }
    return sb.toString();
  }
}
