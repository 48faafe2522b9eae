package com.kitchencpq.paramkernel.plugin.expr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Evaluates the {@code start} and {@code end} of a Prometheus {@code rangeQuery}, which Argo
 * Rollouts evaluates with expr ({@code EvalTime} in {@code utils/evaluate/evaluate.go}, v1.8 on):
 * an expression that must give a {@code time.Time}, typically {@code now() - duration("5m")}. The
 * part of expr those expressions use is modelled: {@code now()} (the instant the caller gives, so
 * that a replay of the past evaluates {@code now()} at the replayed instant), {@code duration(s)}
 * (Go's {@code time.ParseDuration}), {@code date(s)} in its RFC 3339 and {@code 2006-01-02[
 * 15:04:05]} forms (UTC), parentheses, and {@code + - *} on times, durations and integers as expr's
 * runtime defines them ({@code vm/runtime/generated.go} Add, Subtract, Multiply). Anything else is
 * {@link Unsupported}, never guessed.
 */
public final class TimeExpression {
  private TimeExpression() {}

  /** The expression is valid but evaluates with an error (Argo's message). */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  /** The expression uses something this evaluator does not model. */
  public static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message);
    }
  }

  /**
   * Evaluates {@code expression} with {@code now()} = {@code now}.
   *
   * @throws ConditionSyntaxException when it does not parse
   * @throws Failure when expr would fail (bad duration, result not a time)
   * @throws Unsupported when it uses anything beyond the modelled subset
   */
  public static Instant evaluate(String expression, Instant now)
      throws ConditionSyntaxException, Failure, Unsupported {
    Object v = eval(ConditionParser.parse(expression), now);
    if (v instanceof Instant i) {
      return i;
    }
    throw new Failure("expected time.Time, but got " + goType(v));
  }

  private static Object eval(Expr e, Instant now) throws Failure, Unsupported {
    if (e instanceof Expr.Literal l) {
      return l.value();
    }
    if (e instanceof Expr.Call c) {
      List<Expr> args = c.args();
      switch (c.name()) {
        case "now":
          if (!args.isEmpty()) {
            throw new Failure("too many arguments to call now");
          }
          return now;
        case "duration":
          {
            if (args.size() != 1 || !(eval(args.get(0), now) instanceof String s)) {
              throw new Unsupported("duration() with anything but one string");
            }
            return parseDuration(s);
          }
        case "date":
          {
            if (args.size() != 1 || !(eval(args.get(0), now) instanceof String s)) {
              throw new Unsupported("date() with a layout or a time zone");
            }
            return parseDate(s);
          }
        default:
          throw new Unsupported("the function " + c.name() + "()");
      }
    }
    if (e instanceof Expr.Binary b) {
      Object l = eval(b.left(), now);
      Object r = eval(b.right(), now);
      switch (b.op()) {
        case "+":
          if (l instanceof Instant t && r instanceof Duration d) {
            return t.plus(d);
          }
          if (l instanceof Duration d && r instanceof Instant t) {
            return t.plus(d);
          }
          if (l instanceof Duration a && r instanceof Duration c) {
            return a.plus(c);
          }
          break;
        case "-":
          if (l instanceof Instant t && r instanceof Duration d) {
            return t.minus(d);
          }
          if (l instanceof Instant a && r instanceof Instant c) {
            return Duration.between(c, a);
          }
          if (l instanceof Duration a && r instanceof Duration c) {
            return a.minus(c);
          }
          break;
        case "*":
          if (l instanceof Duration d && r instanceof Long n) {
            return d.multipliedBy(n);
          }
          if (l instanceof Long n && r instanceof Duration d) {
            return d.multipliedBy(n);
          }
          break;
        default:
          throw new Unsupported("the operator " + b.op());
      }
      throw new Failure("invalid operation: " + goType(l) + " " + b.op() + " " + goType(r));
    }
    throw new Unsupported(describe(e));
  }

  private static String describe(Expr e) {
    String n = e.getClass().getSimpleName();
    return switch (n) {
      case "Ident" -> "the name " + ((Expr.Ident) e).name();
      default -> "a " + n.toLowerCase(java.util.Locale.ROOT) + " expression";
    };
  }

  /** Go's {@code time.ParseDuration} with its error messages. */
  static Duration parseDuration(String s) throws Failure {
    String orig = s;
    if (s.isEmpty()) {
      throw new Failure("time: invalid duration \"" + orig + "\"");
    }
    boolean neg = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw new Failure("time: invalid duration \"" + orig + "\"");
    }
    java.math.BigDecimal total = java.math.BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      String whole = s.substring(start, i);
      String frac = "";
      if (i < s.length() && s.charAt(i) == '.') {
        int fs = ++i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        frac = s.substring(fs, i);
      }
      if (whole.isEmpty() && frac.isEmpty()) {
        throw new Failure("time: invalid duration \"" + orig + "\"");
      }
      int us = i;
      while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      String unit = s.substring(us, i);
      if (unit.isEmpty()) {
        throw new Failure("time: missing unit in duration \"" + orig + "\"");
      }
      long nanos =
          switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> -1L;
          };
      if (nanos < 0) {
        throw new Failure("time: unknown unit \"" + unit + "\" in duration \"" + orig + "\"");
      }
      java.math.BigDecimal v =
          new java.math.BigDecimal(
              (whole.isEmpty() ? "0" : whole) + (frac.isEmpty() ? "" : "." + frac));
      total = total.add(v.multiply(java.math.BigDecimal.valueOf(nanos)));
    }
    long n = total.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    return Duration.ofNanos(neg ? -n : n);
  }

  private static Instant parseDate(String s) throws Unsupported {
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // next layout
    }
    try {
      return LocalDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // next layout
    }
    try {
      return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new Unsupported(
          "date(\""
              + s
              + "\") in a layout other than RFC 3339, 2006-01-02 or"
              + " 2006-01-02 15:04:05");
    }
  }

  /**
   * Go's {@code %T} of a value the engine evaluated to, as expr's messages print it ({@code
   * expected bool, but got int}): {@code int}, {@code float64}, {@code string}, {@code bool},
   * {@code time.Time}, {@code time.Duration}, {@code []interface {}}, {@code map[string]interface
   * {}}, {@code <nil>}.
   */
  public static String goType(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Instant) {
      return "time.Time";
    }
    if (v instanceof Duration) {
      return "time.Duration";
    }
    if (v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof java.util.List<?>) {
      return "[]interface {}";
    }
    if (v instanceof java.util.Map<?, ?>) {
      return "map[string]interface {}";
    }
    return v.getClass().getSimpleName();
  }
}
