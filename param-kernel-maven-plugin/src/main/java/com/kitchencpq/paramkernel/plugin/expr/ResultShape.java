package com.kitchencpq.paramkernel.plugin.expr;

/**
 * What Argo binds {@code result} to, as far as the metric's provider and query tell. Only
 * Prometheus is modelled; every other provider (web JSON, job, Datadog...) is {@link #UNKNOWN} and
 * its conditions are only checked for syntax, names and boolean-ness.
 */
public enum ResultShape {
  /**
   * A Prometheus query whose outermost value is {@code scalar(...)}, {@code time()} or a number:
   * one float64.
   */
  SCALAR(Type.FLOAT, "the query returns a scalar, so result is a single float64"),
  /**
   * Any other Prometheus instant query: an instant vector, bound as a list of floats (labels
   * dropped).
   */
  VECTOR(
      Type.FLOAT_LIST,
      "the query returns an instant vector, so result is a list of floats ([]float64)"),
  /** A Prometheus {@code rangeQuery}: every sample of every series flattened into one list. */
  RANGE(
      Type.FLOAT_LIST,
      "the metric uses rangeQuery, so result is every sample of every series flattened into"
          + " one list of floats ([]float64)"),
  /** Not known here. */
  UNKNOWN(Type.ANY, "");

  private final Type type;
  private final String explanation;

  ResultShape(Type type, String explanation) {
    this.type = type;
    this.explanation = explanation;
  }

  /** The static type of {@code result}. */
  public Type type() {
    return type;
  }

  /** One sentence saying why result has this type. */
  public String explanation() {
    return explanation;
  }

  /** A list of floats that may be empty (vector or range). */
  public boolean isList() {
    return this == VECTOR || this == RANGE;
  }

  public boolean isKnown() {
    return this != UNKNOWN;
  }
}
