package com.kitchencpq.paramkernel.plugin.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a condition for one sample {@code result} (an empty vector, a vector holding NaN, a
 * NaN scalar) with expr-lang's semantics: IEEE comparisons (every comparison with NaN is false,
 * {@code !=} is true), short-circuit {@code && ||}, out-of-range indexing is a run-time error.
 * Only the part of the language that the hazard checks need is evaluated; anything else is
 * {@link Unsupported} and the caller then reports nothing.
 */
public final class ConditionEvaluator {
  /** Argo would get an evaluation error: the measurement becomes Error. */
  public static final class RuntimeFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean indexOutOfRange;

    RuntimeFailure(String message, boolean indexOutOfRange) {
      super(message);
      this.indexOutOfRange = indexOutOfRange;
    }

    /** True when the error is indexing past the end of the list (empty result). */
    public boolean indexOutOfRange() {
      return indexOutOfRange;
    }
  }

  /** The evaluator does not model this construct; no conclusion can be drawn. */
  public static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what);
    }
  }

  private final Object result;

  private ConditionEvaluator(Object result) {
    this.result = result;
  }

  /** Evaluates {@code e} with {@code result} bound to a Double, a List of Double or null. */
  public static Object evaluate(Expr e, Object result) throws RuntimeFailure, Unsupported {
    return new ConditionEvaluator(result).eval(e, new Env(Map.of(), null, -1));
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
      return index(eval(i.target(), env), eval(i.index(), env));
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
      if (u.op().equals("-") && v instanceof Long n) {
        return -n;
      }
      if (v instanceof Number n) {
        return u.op().equals("-") ? -n.doubleValue() : n;
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

  private static Object index(Object target, Object idx) throws RuntimeFailure, Unsupported {
    if (target instanceof List<?> list && idx instanceof Long n) {
      long i = n < 0 ? n + list.size() : n;
      if (i < 0 || i >= list.size()) {
        throw new RuntimeFailure("index out of range: " + n + " (array length is " + list.size() + ")", true);
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

  private static double num(Object v) throws Unsupported {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new Unsupported("non-number operand");
  }

  private Object binary(Expr.Binary b, Env env) throws RuntimeFailure, Unsupported {
    String op = b.op();
    switch (op) {
      case "or", "||":
        return bool(eval(b.left(), env)) || bool(eval(b.right(), env));
      case "and", "&&":
        return bool(eval(b.left(), env)) && bool(eval(b.right(), env));
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
      case "<":
        return l instanceof String ls && r instanceof String rs ? ls.compareTo(rs) < 0 : num(l) < num(r);
      case "<=":
        return l instanceof String ls && r instanceof String rs ? ls.compareTo(rs) <= 0 : num(l) <= num(r);
      case ">":
        return l instanceof String ls && r instanceof String rs ? ls.compareTo(rs) > 0 : num(l) > num(r);
      case ">=":
        return l instanceof String ls && r instanceof String rs ? ls.compareTo(rs) >= 0 : num(l) >= num(r);
      case "in", "not in": {
        if (!(r instanceof List<?> list)) {
          throw new Unsupported("in");
        }
        boolean found = false;
        for (Object o : list) {
          found |= equal(l, o);
        }
        return op.equals("in") == found;
      }
      case "+":
        if (l instanceof Long a && r instanceof Long c) {
          return a + c;
        }
        if (l instanceof String a && r instanceof String c) {
          return a + c;
        }
        return num(l) + num(r);
      case "-":
        return l instanceof Long a && r instanceof Long c ? (Object) (a - c) : (Object) (num(l) - num(r));
      case "*":
        return l instanceof Long a && r instanceof Long c ? (Object) (a * c) : (Object) (num(l) * num(r));
      case "/":
        return num(l) / num(r);
      case "**", "^":
        return Math.pow(num(l), num(r));
      case "??":
        return l == null ? r : l;
      default:
        throw new Unsupported("operator " + op);
    }
  }

  private static boolean equal(Object l, Object r) {
    if (l instanceof Number a && r instanceof Number c) {
      return a.doubleValue() == c.doubleValue();
    }
    return Objects.equals(l, r);
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
        if (first instanceof String s) {
          return (long) s.length();
        }
        throw new Unsupported("len");
      case "isNaN":
        return Double.isNaN(num(first));
      case "isInf":
        return Double.isInfinite(num(first));
      case "asFloat", "float":
        return num(first);
      case "abs":
        return first instanceof Long v ? (Object) Math.abs(v) : (Object) Math.abs(num(first));
      case "first":
        return first instanceof List<?> list ? (list.isEmpty() ? null : list.get(0)) : unsupported(n);
      case "last":
        return first instanceof List<?> list ? (list.isEmpty() ? null : list.get(list.size() - 1)) : unsupported(n);
      case "sum": {
        if (!(first instanceof List<?> list) || args.size() != 1) {
          throw new Unsupported(n);
        }
        double total = 0;
        for (Object o : list) {
          total += num(o);
        }
        return total;
      }
      case "max", "min": {
        List<?> values = args.size() == 1 && first instanceof List<?> list ? list : args;
        if (values.isEmpty()) {
          throw new Unsupported(n + " of nothing");
        }
        double best = num(values.get(0));
        for (Object o : values) {
          double v = num(o);
          if (Double.isNaN(v) || Double.isNaN(best)) {
            best = Double.NaN;
          } else {
            best = n.equals("max") ? Math.max(best, v) : Math.min(best, v);
          }
        }
        return best;
      }
      default:
        throw new Unsupported(n);
    }
  }

  private static Object unsupported(String what) throws Unsupported {
    throw new Unsupported(what);
  }

  private Object predicate(String n, List<Expr> argExprs, Env env) throws RuntimeFailure, Unsupported {
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
