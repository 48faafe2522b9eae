package com.kitchencpq.paramkernel.plugin.expr;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a condition for one sample {@code result} (an empty vector, a vector holding NaN, a NaN
 * scalar) the way the expression engine of the chosen Argo Rollouts release does. Only the part of
 * the language that the checks need is evaluated; anything else is {@link Unsupported} and the
 * caller then concludes nothing.
 *
 * <p>Where Java and Go differ, this follows expr, read at github.com/antonmedv/expr v1.15.5 and
 * github.com/expr-lang/expr v1.17.7 ({@link ExprVersion}):
 *
 * <ul>
 *   <li>Comparisons are IEEE (every comparison with NaN is false, {@code !=} is true); an int and a
 *       float compare as floats; {@code nil} in {@code < > <= >=} or arithmetic is a run-time error
 *       ({@code vm/runtime}, {@code Less} ... {@code panic("invalid operation: <nil> < float64")}).
 *   <li>{@code int op int} stays an int for {@code + - * %} (64-bit, wrapping), {@code /} and
 *       {@code **} are always float ({@code runtime.Divide}, {@code runtime.Exponent}); {@code %}
 *       takes ints only and {@code x % 0} is an error ({@code integer divide by zero}).
 *   <li>{@code max}/{@code min} ({@code builtin/func.go} Max/Min in 1.15.5, {@code builtin/lib.go}
 *       minMax in 1.17.7) keep the first value and replace it only when {@code runtime.Less}
 *       ({@code More} for min) says so: a NaN first stays, a NaN later is skipped, so the result
 *       depends on the order. 1.17 flattens lists; {@code max([])} is nil.
 *   <li>{@code ==} ({@code runtime.Equal}): numbers by value; lists in 1.15.5 fall through to
 *       {@code reflect.DeepEqual}, which is false when the Go types differ ({@code result} is
 *       {@code []float64}, a literal {@code [0.5]} is {@code []interface {}}) and compares floats
 *       with {@code ==} (NaN is not equal to NaN), except that a slice equals itself; 1.17.7
 *       compares lists element by element with {@code Equal} (NaN never equal, int 1 equals float
 *       1).
 *   <li>{@code first}/{@code last} of an empty list are nil (the builtins recover from the index
 *       panic), {@code result[0]} of an empty list is an error ({@code runtime.Fetch}: {@code index
 *       out of range}).
 *   <li>{@code len} of a number or nil is an error; of a string it counts bytes in 1.15.5 and runes
 *       in 1.17.7 ({@code builtin Len}).
 *   <li>{@code sum} starts from the int 0 and adds with {@code runtime.Add} (so {@code sum([])} is
 *       the int 0).
 * </ul>
 */
public final class ConditionEvaluator {
  /** Argo would get an evaluation error: the measurement becomes Error. */
  public static final class RuntimeFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean indexOutOfRange;
    private final boolean nilValue;

    RuntimeFailure(String message, boolean indexOutOfRange) {
      this(message, indexOutOfRange, false);
    }

    RuntimeFailure(String message, boolean indexOutOfRange, boolean nilValue) {
      super(message);
      this.indexOutOfRange = indexOutOfRange;
      this.nilValue = nilValue;
    }

    /** True when the error is indexing past the end of the list (empty result). */
    public boolean indexOutOfRange() {
      return indexOutOfRange;
    }

    /**
     * True when the error is an operation on nil, such as comparing {@code first(result)} of an
     * empty list with a number.
     */
    public boolean nilValue() {
      return nilValue;
    }
  }

  /** The evaluator does not model this construct; no conclusion can be drawn. */
  public static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what);
    }
  }

  /**
   * The list bound to {@code result}: a Go {@code []float64}, as Argo's Prometheus provider builds
   * it.
   */
  private static final class FloatSlice extends AbstractList<Object> {
    private final List<?> items;

    FloatSlice(List<?> items) {
      this.items = items;
    }

    @Override
    public Object get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }
  }

  private final Object result;
  private final ExprVersion version;

  private ConditionEvaluator(Object result, ExprVersion version) {
    this.result = result instanceof List<?> list ? new FloatSlice(list) : result;
    this.version = version;
  }

  /**
   * Evaluates {@code e} with {@code result} bound to a Double, a List of Double or null, as the
   * newest engine does.
   */
  public static Object evaluate(Expr e, Object result) throws RuntimeFailure, Unsupported {
    return evaluate(e, result, ExprVersion.NEWEST);
  }

  /**
   * Evaluates {@code e} with {@code result} bound to a Double, a List of Double (a Prometheus
   * vector or flattened matrix) or null, as expression engine {@code version} does.
   */
  public static Object evaluate(Expr e, Object result, ExprVersion version)
      throws RuntimeFailure, Unsupported {
    return new ConditionEvaluator(result, version).eval(e, new Env(Map.of(), null, -1));
  }

  private record Env(Map<String, Object> vars, Object pointer, long index) {
    Env with(String name, Object v) {
      Map<String, Object> m = new HashMap<>(vars);
      m.put(name, v);
      return new Env(m, pointer, index);
    }
  }

  private Object eval(Expr e, Env env) throws RuntimeFailure, Unsupported {
    if (e instanceof Expr.Literal l) {
      return l.value();
    } else if (e instanceof Expr.Ident id) {
      if (env.vars().containsKey(id.name())) {
        return env.vars().get(id.name());
      }
      if (id.name().equals("result")) {
        return result;
      }
      throw new Unsupported("name " + id.name());
    } else if (e instanceof Expr.Pointer p) {
      if (p.name().isEmpty() && env.index() >= 0) {
        return env.pointer();
      }
      if (p.name().equals("index") && env.index() >= 0) {
        return env.index();
      }
      throw new Unsupported("#" + p.name());
    } else if (e instanceof Expr.Index i) {
      return index(eval(i.target(), env), eval(i.index(), env), version);
    } else if (e instanceof Expr.Member m) {
      Object target = eval(m.target(), env);
      if (target instanceof Map<?, ?> map) {
        return map.get(m.name());
      }
      throw new Unsupported("member " + m.name());
    } else if (e instanceof Expr.Call c) {
      return call(c, env);
    } else if (e instanceof Expr.Unary u) {
      Object v = eval(u.operand(), env);
      if (u.op().equals("!") || u.op().equals("not")) {
        return !bool(v);
      }
      if (v == null) {
        throw nil(u.op(), null, null);
      }
      if (u.op().equals("-") && v instanceof Long n) {
        return -n;
      }
      if (v instanceof Number n) {
        return u.op().equals("-") ? (Object) (-n.doubleValue()) : n;
      }
      throw new Unsupported("unary " + u.op());
    } else if (e instanceof Expr.Binary b) {
      return binary(b, env);
    } else if (e instanceof Expr.Conditional c) {
      return bool(eval(c.cond(), env)) ? eval(c.then(), env) : eval(c.otherwise(), env);
    } else if (e instanceof Expr.ArrayLit a) {
      List<Object> out = new ArrayList<>();
      for (Expr item : a.items()) {
        out.add(eval(item, env));
      }
      return out;
    } else if (e instanceof Expr.Let l) {
      return eval(l.body(), env.with(l.name(), eval(l.value(), env)));
    }
    throw new Unsupported(e.getClass().getSimpleName());
  }

  /**
   * {@code target[idx]}. Out of range, expr v1.15.5 indexes through reflect ({@code
   * vm/runtime/runtime.go} {@code Fetch} calls {@code reflect.Value.Index}, whose panic {@code
   * vm/vm.go} {@code Run} turns into the error); v1.17 checks the bounds itself ({@code Fetch}
   * panics with the index and length).
   */
  private static Object index(Object target, Object idx, ExprVersion version)
      throws RuntimeFailure, Unsupported {
    if (target instanceof List<?> list && idx instanceof Long n) {
      long i = n < 0 ? n + list.size() : n;
      if (i < 0 || i >= list.size()) {
        throw new RuntimeFailure(
            version == ExprVersion.V1_15_5
                ? "reflect: slice index out of range"
                : "index out of range: " + i + " (array length is " + list.size() + ")",
            true);
      }
      return list.get((int) i);
    }
    throw new Unsupported("index");
  }

  private static boolean bool(Object v) throws Unsupported {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new Unsupported("non-bool operand");
  }

  /** The Go type name expr prints in its messages. */
  private static String goType(Object v) {
    if (v == null) {
      return "<nil>";
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
    if (v instanceof FloatSlice) {
      return "[]float64";
    }
    if (v instanceof List<?>) {
      return "[]interface {}";
    }
    return "map[string]interface {}";
  }

  private static RuntimeFailure nil(String op, Object l, Object r) {
    return new RuntimeFailure(
        "invalid operation: " + goType(l) + " " + op + " " + goType(r), false, true);
  }

  private Object binary(Expr.Binary b, Env env) throws RuntimeFailure, Unsupported {
    String op = b.op();
    switch (op) {
      case "or", "||":
        return bool(eval(b.left(), env)) || bool(eval(b.right(), env));
      case "and", "&&":
        return bool(eval(b.left(), env)) && bool(eval(b.right(), env));
      case "??":
        {
          Object l = eval(b.left(), env);
          return l != null ? l : eval(b.right(), env);
        }
      default:
        break;
    }
    Object l = eval(b.left(), env);
    Object r = eval(b.right(), env);
    switch (op) {
      case "==":
        return equal(l, r);
      case "!=":
        return !equal(l, r);
      case "<", "<=", ">", ">=":
        return compare(op, l, r);
      case "in", "not in":
        {
          if (!(r instanceof List<?> list)) {
            throw new Unsupported("in");
          }
          boolean found = false;
          for (Object o : list) {
            found |= equal(l, o);
          }
          return op.equals("in") == found;
        }
      case "+", "-", "*", "/", "%", "**", "^":
        return arithmetic(op, l, r);
      default:
        throw new Unsupported("operator " + op);
    }
  }

  private static boolean compare(String op, Object l, Object r) throws RuntimeFailure, Unsupported {
    if (l == null || r == null) {
      throw nil(op, l, r);
    }
    int c;
    if (l instanceof String ls && r instanceof String rs) {
      c = Integer.signum(ls.compareTo(rs));
    } else if (l instanceof Long a && r instanceof Long x) {
      c = Long.compare(a, x);
    } else if (l instanceof Number a && r instanceof Number x) {
      double da = a.doubleValue();
      double dx = x.doubleValue();
      if (Double.isNaN(da) || Double.isNaN(dx)) {
        return false;
      }
      c = da < dx ? -1 : da > dx ? 1 : 0;
    } else {
      throw new Unsupported("comparison of " + goType(l) + " and " + goType(r));
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private static Object arithmetic(String op, Object l, Object r)
      throws RuntimeFailure, Unsupported {
    if (l == null || r == null) {
      throw nil(op, l, r);
    }
    if (op.equals("+") && l instanceof String a && r instanceof String x) {
      return a + x;
    }
    if (!(l instanceof Number a) || !(r instanceof Number x)) {
      throw new Unsupported("arithmetic on " + goType(l) + " and " + goType(r));
    }
    boolean ints = l instanceof Long && r instanceof Long;
    switch (op) {
      case "+":
        return ints
            ? (Object) (a.longValue() + x.longValue())
            : (Object) (a.doubleValue() + x.doubleValue());
      case "-":
        return ints
            ? (Object) (a.longValue() - x.longValue())
            : (Object) (a.doubleValue() - x.doubleValue());
      case "*":
        return ints
            ? (Object) (a.longValue() * x.longValue())
            : (Object) (a.doubleValue() * x.doubleValue());
      case "/":
        return a.doubleValue() / x.doubleValue();
      case "%":
        if (!ints) {
          throw new Unsupported(
              "% of " + goType(l) + " and " + goType(r)); // a compile error in expr
        }
        if (x.longValue() == 0) {
          throw new RuntimeFailure("integer divide by zero", false);
        }
        return a.longValue() % x.longValue();
      default:
        return Math.pow(a.doubleValue(), x.doubleValue());
    }
  }

  /** {@code runtime.Equal} of the engine. */
  private boolean equal(Object l, Object r) {
    if (l instanceof Number a && r instanceof Number c) {
      if (l instanceof Long x && r instanceof Long y) {
        return x.longValue() == y.longValue();
      }
      return a.doubleValue() == c.doubleValue();
    }
    if (l instanceof List<?> a && r instanceof List<?> c) {
      return version == ExprVersion.V1_15_5 ? deepEqual(a, c) : listEqual(a, c);
    }
    return Objects.equals(l, r);
  }

  /** expr-lang 1.17.7 {@code runtime.Equal} for two lists: same length, elements {@code Equal}. */
  private boolean listEqual(List<?> a, List<?> c) {
    if (a.size() != c.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!equal(a.get(i), c.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Go's {@code reflect.DeepEqual}, the fallback of antonmedv/expr 1.15.5's {@code runtime.Equal}
   * for lists.
   */
  private static boolean deepEqual(Object a, Object c) {
    if (a == null || c == null) {
      return a == c;
    }
    if (!goType(a).equals(goType(c))) {
      return false;
    }
    if (a instanceof List<?> x && c instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      if (x == y && !x.isEmpty()) {
        return true; // the same backing array: DeepEqual does not look at the elements
      }
      for (int i = 0; i < x.size(); i++) {
        if (!deepEqual(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Double x && c instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a.equals(c);
  }

  private Object call(Expr.Call c, Env env) throws RuntimeFailure, Unsupported {
    String n = c.name();
    List<Expr> argExprs = c.args();
    switch (n) {
      case "isNil":
        return result == null;
      case "default":
        return result == null && argExprs.size() == 2 ? eval(argExprs.get(1), env) : result;
      case "all", "any", "none", "one", "filter", "map", "count":
        return predicate(n, argExprs, env);
      default:
        break;
    }
    List<Object> args = new ArrayList<>();
    for (Expr a : argExprs) {
      args.add(eval(a, env));
    }
    Object first = args.isEmpty() ? null : args.get(0);
    switch (n) {
      case "len":
        if (first instanceof List<?> list) {
          return (long) list.size();
        }
        if (first instanceof Map<?, ?> map) {
          return (long) map.size();
        }
        if (first instanceof String s) {
          return version == ExprVersion.V1_15_5
              ? (long) s.getBytes(StandardCharsets.UTF_8).length
              : (long) s.codePointCount(0, s.length());
        }
        throw new RuntimeFailure(
            "invalid argument for len (type " + goType(first) + ")", false, first == null);
      case "isNaN", "isInf":
        if (first == null) {
          throw new RuntimeFailure("cannot call " + n + " with nil", false, true);
        }
        if (!(first instanceof Number num)) {
          throw new Unsupported(n);
        }
        return n.equals("isNaN")
            ? Double.isNaN(num.doubleValue())
            : Double.isInfinite(num.doubleValue());
      case "asFloat", "float":
        if (first instanceof Number num) {
          return num.doubleValue();
        }
        throw new Unsupported(n);
      case "abs":
        if (first instanceof Long v) {
          return Math.abs(v);
        }
        if (first instanceof Number v) {
          return Math.abs(v.doubleValue());
        }
        throw new Unsupported(n);
      case "first", "last":
        {
          if (!(first instanceof List<?> list) || args.size() != 1) {
            throw new Unsupported(n);
          }
          if (list.isEmpty()) {
            return null;
          }
          return n.equals("first") ? list.get(0) : list.get(list.size() - 1);
        }
      case "sum":
        {
          if (!(first instanceof List<?> list) || args.size() != 1) {
            throw new Unsupported(n);
          }
          Object total = 0L;
          for (Object o : list) {
            total = arithmetic("+", total, o);
          }
          return total;
        }
      case "max", "min":
        return minMax(n, args);
      default:
        throw new Unsupported(n);
    }
  }

  /**
   * {@code max}/{@code min} as expr computes them: the first value is kept unless a later one is
   * greater (smaller) by {@code runtime.Less} ({@code More}), which is false whenever NaN is
   * involved. 1.15.5 takes numbers only (a list is a compile error there); 1.17.7 flattens lists
   * and gives nil for an empty one.
   */
  private Object minMax(String n, List<Object> args) throws RuntimeFailure, Unsupported {
    if (args.isEmpty()) {
      throw new Unsupported(n + " without arguments"); // a compile error
    }
    List<Object> values = new ArrayList<>();
    for (Object a : args) {
      flatten(n, a, values);
    }
    Object best = null;
    for (Object v : values) {
      if (best == null || compare(n.equals("max") ? "<" : ">", best, v)) {
        best = v;
      }
    }
    return best;
  }

  private void flatten(String n, Object a, List<Object> out) throws Unsupported {
    if (a instanceof Number) {
      out.add(a);
    } else if (a instanceof List<?> list && version.aggregatesLists()) {
      for (Object o : list) {
        flatten(n, o, out);
      }
    } else {
      throw new Unsupported(n + " of " + goType(a));
    }
  }

  private Object predicate(String n, List<Expr> argExprs, Env env)
      throws RuntimeFailure, Unsupported {
    if (argExprs.size() != 2 || !(argExprs.get(1) instanceof Expr.Closure closure)) {
      throw new Unsupported(n);
    }
    if (!(eval(argExprs.get(0), env) instanceof List<?> list)) {
      throw new Unsupported(n);
    }
    List<Object> out = new ArrayList<>();
    long matches = 0;
    for (int i = 0; i < list.size(); i++) {
      Object v = eval(closure.body(), new Env(env.vars(), list.get(i), i));
      if (n.equals("map")) {
        out.add(v);
      } else if (bool(v)) {
        matches++;
        out.add(list.get(i));
      }
    }
    return switch (n) {
      case "all" -> matches == list.size();
      case "any" -> matches > 0;
      case "none" -> matches == 0;
      case "one" -> matches == 1;
      case "count" -> matches;
      default -> out;
    };
  }
}
