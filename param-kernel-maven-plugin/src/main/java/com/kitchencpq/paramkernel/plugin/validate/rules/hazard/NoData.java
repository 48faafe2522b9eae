package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a PromQL query returns when there is nothing to measure, worked out from its text, in two
 * cases: no series at all (a label typo, a canary that was never scraped, a 5xx series that does
 * not exist yet) and series without traffic (every counter flat, so every rate is 0). The answer is
 * no result (an empty vector), a number (NaN included), or unknown. It follows Prometheus: {@code a
 * or b} is b when a is empty, an operation with an empty operand is empty, {@code absent(x)} is 1
 * exactly when x is empty, {@code scalar} of nothing is NaN, {@code 0/0} is NaN, and {@code
 * histogram_quantile} over buckets that did not grow is NaN.
 */
final class NoData {
  private NoData() {}

  /** Which kind of nothing. */
  enum Scenario {
    /** the query matches no series */
    NO_SERIES,
    /** the series exist but did not grow in the window (no requests) */
    NO_TRAFFIC
  }

  /** A value: EMPTY (no result), NUMBER ({@code number}, possibly NaN) or UNKNOWN. */
  record Value(Kind kind, double number) {
    enum Kind {
      EMPTY,
      NUMBER,
      UNKNOWN
    }

    static final Value EMPTY = new Value(Kind.EMPTY, 0);
    static final Value UNKNOWN = new Value(Kind.UNKNOWN, 0);

    static Value of(double v) {
      return new Value(Kind.NUMBER, v);
    }

    boolean isNumber() {
      return kind == Kind.NUMBER;
    }

    /** A number that is not NaN: what a fallback turns "nothing" into. */
    boolean isRealNumber() {
      return kind == Kind.NUMBER && !Double.isNaN(number);
    }
  }

  private static final Set<String> RATES =
      Set.of("rate", "irate", "increase", "delta", "idelta", "deriv");
  private static final Set<String> SAME_SERIES =
      Set.of("label_replace", "label_join", "sort", "sort_desc");

  static Value eval(PromQl.Node n, Scenario s) {
    if (n instanceof PromQl.Num num) {
      return Value.of(num.value());
    }
    if (n instanceof PromQl.Paren p) {
      return eval(p.inner(), s);
    }
    if (n instanceof PromQl.Unary u) {
      Value v = eval(u.operand(), s);
      return v.isNumber() && u.op().equals("-") ? Value.of(-v.number()) : v;
    }
    if (n instanceof PromQl.Selector) {
      return s == Scenario.NO_SERIES ? Value.EMPTY : Value.UNKNOWN;
    }
    if (n instanceof PromQl.Call c) {
      return call(c, s);
    }
    if (n instanceof PromQl.Agg a) {
      return aggregation(a, s);
    }
    if (n instanceof PromQl.Binary b) {
      return binary(b, s);
    }
    return Value.UNKNOWN;
  }

  private static Value call(PromQl.Call c, Scenario s) {
    String name = c.name().toLowerCase(Locale.ROOT);
    List<PromQl.Node> args = c.args();
    if (RATES.contains(name)
        && args.size() == 1
        && args.get(0) instanceof PromQl.Selector sel
        && sel.range() != null) {
      return s == Scenario.NO_SERIES ? Value.EMPTY : Value.of(0);
    }
    if (name.endsWith("_over_time") && !name.equals("absent_over_time")) {
      return s == Scenario.NO_SERIES ? Value.EMPTY : Value.UNKNOWN;
    }
    Value first = args.isEmpty() ? Value.UNKNOWN : eval(args.get(0), s);
    switch (name) {
      case "vector":
        return first.isNumber() ? first : Value.UNKNOWN;
      case "absent", "absent_over_time":
        return switch (first.kind()) {
          case EMPTY -> Value.of(1);
          case NUMBER -> Value.EMPTY;
          default -> Value.UNKNOWN;
        };
      case "scalar":
        return first.kind() == Value.Kind.EMPTY ? Value.of(Double.NaN) : first;
      case "abs", "ceil", "floor", "round", "sqrt":
        if (!first.isNumber() || args.size() != 1) {
          return first.kind() == Value.Kind.EMPTY ? Value.EMPTY : Value.UNKNOWN;
        }
        double v = first.number();
        return Value.of(
            switch (name) {
              case "abs" -> Math.abs(v);
              case "ceil" -> Math.ceil(v);
              case "floor" -> Math.floor(v);
              case "round" -> Math.floor(v + 0.5);
              default -> Math.sqrt(v);
            });
      case "clamp_min", "clamp_max", "clamp":
        {
          if (first.kind() == Value.Kind.EMPTY) {
            return Value.EMPTY;
          }
          if (!first.isNumber() || args.size() < 2) {
            return Value.UNKNOWN;
          }
          Value a = eval(args.get(1), s);
          if (!a.isNumber()) {
            return Value.UNKNOWN;
          }
          double v0 = first.number();
          if (name.equals("clamp_min")) {
            return Value.of(goMax(v0, a.number()));
          }
          if (name.equals("clamp_max")) {
            return Value.of(goMin(v0, a.number()));
          }
          Value b = args.size() > 2 ? eval(args.get(2), s) : Value.UNKNOWN;
          if (!b.isNumber()) {
            return Value.UNKNOWN;
          }
          return b.number() < a.number()
              ? Value.EMPTY
              : Value.of(goMax(a.number(), goMin(b.number(), v0)));
        }
      case "histogram_quantile":
        {
          Value buckets = args.size() == 2 ? eval(args.get(1), s) : Value.UNKNOWN;
          if (buckets.kind() == Value.Kind.EMPTY) {
            return Value.EMPTY;
          }
          return buckets.isNumber() && buckets.number() == 0 ? Value.of(Double.NaN) : Value.UNKNOWN;
        }
      default:
        if (SAME_SERIES.contains(name)) {
          return first;
        }
        return Value.UNKNOWN;
    }
  }

  private static Value aggregation(PromQl.Agg a, Scenario s) {
    if (a.args().isEmpty()) {
      return Value.UNKNOWN;
    }
    Value v = eval(a.args().get(a.args().size() - 1), s);
    if (v.kind() == Value.Kind.EMPTY) {
      return Value.EMPTY;
    }
    return switch (a.name()) {
      case "sum", "avg", "min", "max", "topk", "bottomk" -> v;
      case "count", "group" -> v.isNumber() ? Value.of(1) : Value.UNKNOWN;
      default -> Value.UNKNOWN;
    };
  }

  private static Value binary(PromQl.Binary b, Scenario s) {
    Value l = eval(b.left(), s);
    Value r = eval(b.right(), s);
    switch (b.op()) {
      case "or":
        if (l.kind() == Value.Kind.EMPTY) {
          return r;
        }
        return l.isNumber() ? l : Value.UNKNOWN;
      case "and":
        if (l.kind() == Value.Kind.EMPTY || r.kind() == Value.Kind.EMPTY) {
          return Value.EMPTY;
        }
        return l.isNumber() && r.isNumber() ? l : Value.UNKNOWN;
      case "unless":
        if (r.kind() == Value.Kind.EMPTY) {
          return l;
        }
        return Value.UNKNOWN;
      default:
        break;
    }
    if (l.kind() == Value.Kind.EMPTY || r.kind() == Value.Kind.EMPTY) {
      return Value.EMPTY;
    }
    if (!l.isNumber() || !r.isNumber()) {
      return Value.UNKNOWN;
    }
    double x = l.number();
    double y = r.number();
    return switch (b.op()) {
      case "+" -> Value.of(x + y);
      case "-" -> Value.of(x - y);
      case "*" -> Value.of(x * y);
      case "/" -> Value.of(x / y);
      case "^" -> Value.of(Math.pow(x, y));
      default -> Value.UNKNOWN;
    };
  }

  /** Go's math.Max: NaN if either is NaN. */
  private static double goMax(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
  }

  private static double goMin(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
  }

  /** The denominators of the query's divisions. */
  static List<PromQl.Node> denominators(PromQl.Node query) {
    return PromQl.nodes(query).stream()
        .filter(x -> x instanceof PromQl.Binary b && b.op().equals("/"))
        .map(x -> ((PromQl.Binary) x).right())
        .toList();
  }
}
