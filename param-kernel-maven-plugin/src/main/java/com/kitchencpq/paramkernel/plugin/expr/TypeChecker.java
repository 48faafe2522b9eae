package com.kitchencpq.paramkernel.plugin.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A static type check of a parsed condition against the type {@code result} will have, the way
 * expr-lang checks a condition when Argo compiles it with the measurement in the environment. Only
 * sure mismatches are reported: whatever involves an unknown type ({@link Type#ANY}) passes.
 */
public final class TypeChecker {
  /** What kind of problem. */
  public enum ProblemKind {
    /** A name that is neither {@code result}, an Argo helper nor an expr builtin. */
    UNKNOWN_NAME,
    /** {@code result} used in a way its shape (float vs list of floats) does not allow. */
    RESULT_SHAPE,
    /** Any other sure type mismatch. */
    TYPE,
    /**
     * A name or form the chosen engine release rejects at compile time and a newer one accepts
     * ({@code max(result)} over a list, {@code uniq} with antonmedv/expr v1.15.5).
     */
    VERSION
  }

  /** One problem, at a 0-based offset in the condition. */
  public record Problem(ProblemKind kind, String message, int offset) {}

  /** The condition's type and its problems. */
  public record Outcome(Type type, List<Problem> problems) {}

  private final Type resultType;
  private final ExprVersion version;
  private final List<Problem> problems = new ArrayList<>();

  private TypeChecker(Type resultType, ExprVersion version) {
    this.resultType = resultType;
    this.version = version;
  }

  /**
   * Checks {@code e} with {@code result} of type {@code resultType} ({@link Type#ANY} when
   * unknown), as the newest engine ({@link ExprVersion#NEWEST}) would.
   */
  public static Outcome check(Expr e, Type resultType) {
    return check(e, resultType, ExprVersion.NEWEST);
  }

  /**
   * Checks {@code e} as engine {@code version} compiles it (the one the chosen Argo Rollouts
   * embeds).
   */
  public static Outcome check(Expr e, Type resultType, ExprVersion version) {
    TypeChecker c = new TypeChecker(resultType, version);
    Type t = c.visit(e, new Scope(Map.of(), null));
    return new Outcome(t, List.copyOf(c.problems));
  }

  /** Variables in scope: let bindings and the element type {@code #} stands for. */
  private record Scope(Map<String, Type> vars, Type pointer) {
    Scope with(String name, Type t) {
      Map<String, Type> m = new HashMap<>(vars);
      m.put(name, t);
      return new Scope(m, pointer);
    }

    Scope inPredicate(Type element) {
      return new Scope(vars, element);
    }
  }

  private boolean isResult(Expr e) {
    return e instanceof Expr.Ident id && id.name().equals("result") && !resultType.isAny();
  }

  private void problem(Expr operand, String message, int offset) {
    problems.add(
        new Problem(
            isResult(operand) ? ProblemKind.RESULT_SHAPE : ProblemKind.TYPE, message, offset));
  }

  private Type visit(Expr e, Scope s) {
    if (e instanceof Expr.Literal l) {
      return literal(l.value());
    } else if (e instanceof Expr.Ident id) {
      return ident(id, s);
    } else if (e instanceof Expr.Pointer p) {
      return pointer(p, s);
    } else if (e instanceof Expr.Placeholder) {
      return Type.ANY;
    } else if (e instanceof Expr.Member m) {
      return member(m, s);
    } else if (e instanceof Expr.Index i) {
      return index(i, s);
    } else if (e instanceof Expr.Slice sl) {
      return slice(sl, s);
    } else if (e instanceof Expr.Call c) {
      return call(c, s);
    } else if (e instanceof Expr.MethodCall mc) {
      visit(mc.target(), s);
      mc.args().forEach(a -> visit(a, s));
      return Type.ANY;
    } else if (e instanceof Expr.Closure c) {
      return visit(c.body(), s);
    } else if (e instanceof Expr.Unary u) {
      return unary(u, s);
    } else if (e instanceof Expr.Binary b) {
      return binary(b, s);
    } else if (e instanceof Expr.Conditional c) {
      Type cond = visit(c.cond(), s);
      if (!cond.maybe(Type.Kind.BOOL)) {
        problem(c.cond(), "non-bool expression (type " + cond + ") used as condition", c.offset());
      }
      Type a = visit(c.then(), s);
      Type b = visit(c.otherwise(), s);
      return a.equals(b) ? a : Type.ANY;
    } else if (e instanceof Expr.ArrayLit a) {
      Type elem = null;
      for (Expr item : a.items()) {
        Type t = visit(item, s);
        elem = elem == null || elem.equals(t) ? t : Type.ANY;
      }
      return Type.array(elem);
    } else if (e instanceof Expr.MapLit m) {
      m.values().forEach(v -> visit(v, s));
      return Type.MAP;
    } else if (e instanceof Expr.Let l) {
      return visit(l.body(), s.with(l.name(), visit(l.value(), s)));
    }
    throw new IllegalStateException("unhandled node " + e);
  }

  private static Type literal(Object v) {
    if (v instanceof Long) {
      return Type.INT;
    }
    if (v instanceof Double) {
      return Type.FLOAT;
    }
    if (v instanceof String) {
      return Type.STRING;
    }
    if (v instanceof Boolean) {
      return Type.BOOL;
    }
    return Type.NIL;
  }

  private Type ident(Expr.Ident id, Scope s) {
    String n = id.name();
    if (s.vars().containsKey(n)) {
      return s.vars().get(n);
    }
    if (n.equals("result")) {
      return resultType;
    }
    if (n.equals("$env")) {
      return Type.MAP;
    }
    if (Builtins.isKnown(n, version)) {
      return Type.ANY;
    }
    unknownName(n, id.offset());
    return Type.ANY;
  }

  private Type pointer(Expr.Pointer p, Scope s) {
    if (s.pointer() == null) {
      problems.add(
          new Problem(
              ProblemKind.TYPE,
              "#"
                  + p.name()
                  + " can only be used inside a predicate such as"
                  + " all(result, # < 1)",
              p.offset()));
      return Type.ANY;
    }
    return switch (p.name()) {
      case "" -> s.pointer();
      case "index" -> Type.INT;
      default -> Type.ANY;
    };
  }

  private Type member(Expr.Member m, Scope s) {
    Type t = visit(m.target(), s);
    if (t.isAny() || t.kind() == Type.Kind.MAP || (t.kind() == Type.Kind.NIL && m.optional())) {
      return Type.ANY;
    }
    problem(m.target(), "type " + t + " has no field " + m.name(), m.offset());
    return Type.ANY;
  }

  private Type index(Expr.Index i, Scope s) {
    Type t = visit(i.target(), s);
    Type idx = visit(i.index(), s);
    switch (t.kind()) {
      case ARRAY:
        if (!idx.maybeNumber()) {
          problem(i.index(), "array index must be a number, not " + idx, i.offset());
        }
        return t.element();
      case STRING:
        return Type.STRING;
      case MAP:
      case ANY:
        return Type.ANY;
      default:
        problem(i.target(), "cannot index " + t, i.offset());
        return Type.ANY;
    }
  }

  private Type slice(Expr.Slice sl, Scope s) {
    Type t = visit(sl.target(), s);
    if (sl.from() != null) {
      visit(sl.from(), s);
    }
    if (sl.to() != null) {
      visit(sl.to(), s);
    }
    if (t.kind() == Type.Kind.ARRAY || t.kind() == Type.Kind.STRING || t.isAny()) {
      return t;
    }
    problem(sl.target(), "cannot slice " + t, sl.offset());
    return Type.ANY;
  }

  private Type unary(Expr.Unary u, Scope s) {
    Type t = visit(u.operand(), s);
    if (u.op().equals("!") || u.op().equals("not")) {
      if (!t.maybe(Type.Kind.BOOL)) {
        problem(
            u.operand(),
            "invalid operation: " + u.op() + " (mismatched type " + t + ")",
            u.offset());
      }
      return Type.BOOL;
    }
    if (!t.maybeNumber()) {
      problem(
          u.operand(), "invalid operation: " + u.op() + " (mismatched type " + t + ")", u.offset());
      return Type.ANY;
    }
    return t;
  }

  private Type binary(Expr.Binary b, Scope s) {
    Type l = visit(b.left(), s);
    Type r = visit(b.right(), s);
    String op = b.op();
    boolean any = l.isAny() || r.isAny();
    switch (op) {
      case "or", "||", "and", "&&":
        if (!l.maybe(Type.Kind.BOOL)) {
          mismatch(b, l, r, b.left());
        } else if (!r.maybe(Type.Kind.BOOL)) {
          mismatch(b, l, r, b.right());
        }
        return Type.BOOL;
      case "==", "!=":
        if (!(any
            || l.kind() == Type.Kind.NIL
            || r.kind() == Type.Kind.NIL
            || (l.isNumber() && r.isNumber())
            || l.kind() == r.kind())) {
          mismatch(b, l, r, null);
        }
        return Type.BOOL;
      case "<", ">", "<=", ">=":
        if (!(any
            || (l.isNumber() && r.isNumber())
            || (l.kind() == r.kind()
                && (l.kind() == Type.Kind.STRING
                    || l.kind() == Type.Kind.TIME
                    || l.kind() == Type.Kind.DURATION)))) {
          mismatch(b, l, r, null);
        }
        return Type.BOOL;
      case "in", "not in":
        if (!(r.isAny() || r.kind() == Type.Kind.ARRAY || r.kind() == Type.Kind.MAP)) {
          mismatch(b, l, r, b.right());
        }
        return Type.BOOL;
      case "matches",
      "contains",
      "startsWith",
      "endsWith",
      "not matches",
      "not contains",
      "not startsWith",
      "not endsWith":
        if (!l.maybe(Type.Kind.STRING)) {
          mismatch(b, l, r, b.left());
        } else if (!r.maybe(Type.Kind.STRING)) {
          mismatch(b, l, r, b.right());
        }
        return Type.BOOL;
      case "..":
        if (!l.maybe(Type.Kind.INT) || !r.maybe(Type.Kind.INT)) {
          mismatch(b, l, r, null);
        }
        return Type.array(Type.INT);
      case "??":
        return l.kind() == Type.Kind.NIL ? r : l;
      default:
        return arithmetic(b, l, r);
    }
  }

  private Type arithmetic(Expr.Binary b, Type l, Type r) {
    String op = b.op();
    if (op.equals("%")) {
      // checker.go, BinaryNode "%": isInteger(l) && isInteger(r), else any when either is unknown.
      if (l.kind() == Type.Kind.INT && r.kind() == Type.Kind.INT) {
        return Type.INT;
      }
      if ((l.isAny() || l.kind() == Type.Kind.INT) && (r.isAny() || r.kind() == Type.Kind.INT)) {
        return Type.ANY;
      }
      mismatch(b, l, r, null);
      return Type.ANY;
    }
    if (l.isNumber() && r.isNumber()) {
      return switch (op) {
        case "/", "**", "^" -> Type.FLOAT;
        default -> l.kind() == Type.Kind.INT && r.kind() == Type.Kind.INT ? Type.INT : Type.FLOAT;
      };
    }
    if (l.isAny() || r.isAny()) {
      Type known = l.isAny() ? r : l;
      if (known.isAny()
          || known.isNumber()
          || known.kind() == Type.Kind.STRING
          || known.kind() == Type.Kind.TIME
          || known.kind() == Type.Kind.DURATION
          || (op.equals("+") && known.kind() == Type.Kind.ARRAY)) {
        return op.equals("/") && known.isNumber() ? Type.FLOAT : Type.ANY;
      }
      mismatch(b, l, r, l.isAny() ? b.right() : b.left());
      return Type.ANY;
    }
    boolean ok =
        switch (op) {
          case "+" ->
              (l.kind() == r.kind()
                      && (l.kind() == Type.Kind.STRING
                          || l.kind() == Type.Kind.ARRAY
                          || l.kind() == Type.Kind.DURATION))
                  || (l.kind() == Type.Kind.TIME && r.kind() == Type.Kind.DURATION)
                  || (l.kind() == Type.Kind.DURATION && r.kind() == Type.Kind.TIME);
          case "-" ->
              (l.kind() == Type.Kind.TIME
                      && (r.kind() == Type.Kind.TIME || r.kind() == Type.Kind.DURATION))
                  || (l.kind() == Type.Kind.DURATION && r.kind() == Type.Kind.DURATION);
          case "*" ->
              (l.kind() == Type.Kind.DURATION && r.isNumber())
                  || (r.kind() == Type.Kind.DURATION && l.isNumber());
          default -> false;
        };
    if (!ok) {
      mismatch(b, l, r, null);
      return Type.ANY;
    }
    if (l.kind() == Type.Kind.TIME && r.kind() == Type.Kind.TIME) {
      return Type.DURATION;
    }
    return l.kind() == Type.Kind.DURATION && r.kind() == Type.Kind.TIME
        ? Type.TIME
        : l.isNumber() ? r : l;
  }

  /**
   * Reports a mismatch; blames {@code result} when it is one of the operands and its shape is
   * known.
   */
  private void mismatch(Expr.Binary b, Type l, Type r, Expr culprit) {
    Expr blamed = culprit != null ? culprit : isResult(b.left()) ? b.left() : b.right();
    problem(
        blamed,
        "invalid operation: " + b.op() + " (mismatched types " + l + " and " + r + ")",
        b.offset());
  }

  private Type call(Expr.Call c, Scope s) {
    String n = c.name();
    if (s.vars().containsKey(n)) {
      c.args().forEach(a -> visit(a, s));
      return Type.ANY;
    }
    if (!Builtins.isKnown(n, version)) {
      unknownName(n, c.offset());
      c.args().forEach(a -> visit(a, s.inPredicate(Type.ANY)));
      return Type.ANY;
    }
    List<Type> args = new ArrayList<>();
    Type predicate = null;
    for (int i = 0; i < c.args().size(); i++) {
      Expr a = c.args().get(i);
      if (a instanceof Expr.Closure closure) {
        Type element = args.isEmpty() ? Type.ANY : args.get(0).elementOrAny();
        predicate = visit(closure.body(), s.inPredicate(element));
        args.add(predicate);
      } else {
        args.add(visit(a, s));
      }
    }
    Type first = args.isEmpty() ? Type.ANY : args.get(0);
    Expr firstExpr = c.args().isEmpty() ? c : c.args().get(0);
    switch (n) {
      case "len":
        expectArgs(c, 1);
        if (!(first.isAny()
            || first.kind() == Type.Kind.ARRAY
            || first.kind() == Type.Kind.STRING
            || first.kind() == Type.Kind.MAP)) {
          problem(firstExpr, "invalid argument for len (type " + first + ")", c.offset());
        }
        return Type.INT;
      case "isNaN", "isInf":
        expectArgs(c, 1);
        if (!first.maybeNumber()) {
          problem(
              firstExpr,
              "cannot use " + first + " as argument (type float64) to call " + n,
              c.offset());
        }
        return Type.BOOL;
      case "isNil", "hasPrefix", "hasSuffix":
        return Type.BOOL;
      case "default":
        return resultType.isAny() || args.size() < 2 ? Type.ANY : resultType;
      case "asInt",
      "int",
      "count",
      "findIndex",
      "findLastIndex",
      "indexOf",
      "lastIndexOf",
      "bitand",
      "bitor",
      "bitxor",
      "bitnand",
      "bitnot",
      "bitshl",
      "bitshr",
      "bitushr":
        return Type.INT;
      case "mean", "median":
        if (!version.meanTakesSeveral() && c.args().size() != 1) {
          versionProblem(
              n
                  + " takes exactly one list in "
                  + version.label()
                  + " (invalid number of arguments"
                  + " (expected 1, got "
                  + c.args().size()
                  + "))",
              c.offset());
        }
        return Type.FLOAT;
      case "asFloat", "float", "ceil", "floor", "round":
        return Type.FLOAT;
      case "all", "any", "none", "one":
        requireCollection(c, first, firstExpr);
        if (predicate != null && !predicate.maybe(Type.Kind.BOOL)) {
          problems.add(
              new Problem(
                  ProblemKind.TYPE,
                  "predicate of " + n + " must be a bool, not " + predicate,
                  c.offset()));
        }
        return Type.BOOL;
      case "filter", "sortBy", "take", "reverse", "uniq", "sort":
        requireCollection(c, first, firstExpr);
        return first.kind() == Type.Kind.ARRAY ? first : Type.array(Type.ANY);
      case "map":
        requireCollection(c, first, firstExpr);
        return Type.array(predicate == null ? Type.ANY : predicate);
      case "find", "findLast", "first", "last":
        requireCollection(c, first, firstExpr);
        return first.elementOrAny();
      case "sum":
        requireCollection(c, first, firstExpr);
        if (predicate != null && !version.sumTakesPredicate()) {
          versionProblem(
              "sum takes no predicate in "
                  + version.label()
                  + " (invalid number of arguments"
                  + " (expected 1, got "
                  + c.args().size()
                  + "))",
              c.offset());
        }
        return predicate != null ? predicate : first.elementOrAny();
      case "abs":
        if (!first.maybeNumber()) {
          problem(firstExpr, "invalid argument for abs (type " + first + ")", c.offset());
        }
        return first;
      case "max", "min":
        if (!version.aggregatesLists()) {
          for (int i = 0; i < args.size(); i++) {
            if (args.get(i).kind() == Type.Kind.ARRAY) {
              versionProblem(
                  "invalid argument for "
                      + n
                      + " (type "
                      + args.get(i)
                      + "): "
                      + version.label()
                      + " takes numbers only, not a list (lists are accepted from expr-lang/expr"
                      + " 1.17)",
                  c.offset());
              return Type.ANY;
            }
          }
        }
        if (args.size() == 1) {
          return first.kind() == Type.Kind.ARRAY ? first.element() : Type.ANY;
        }
        return args.stream().allMatch(t -> t.kind() == Type.Kind.INT)
            ? Type.INT
            : args.stream().allMatch(Type::isNumber) ? Type.FLOAT : Type.ANY;
      case "string",
      "trim",
      "trimPrefix",
      "trimSuffix",
      "upper",
      "lower",
      "replace",
      "repeat",
      "join",
      "toJSON",
      "type",
      "toBase64",
      "fromBase64":
        return Type.STRING;
      case "split", "splitAfter":
        return Type.array(Type.STRING);
      case "now", "date":
        return Type.TIME;
      case "duration":
        return Type.DURATION;
      case "groupBy", "fromPairs":
        return Type.MAP;
      case "keys", "values", "toPairs", "concat", "flatten":
        return Type.array(Type.ANY);
      default:
        return Type.ANY;
    }
  }

  /** {@code name} is no builtin of this engine: a version problem when a newer engine has it. */
  private void unknownName(String name, int offset) {
    if (Builtins.isKnown(name)) {
      versionProblem(
          "unknown name "
              + name
              + " ("
              + name
              + " is a builtin only from "
              + ExprVersion.NEWEST.label()
              + ", not in "
              + version.label()
              + ")",
          offset);
    } else {
      problems.add(new Problem(ProblemKind.UNKNOWN_NAME, "unknown name " + name, offset));
    }
  }

  private void versionProblem(String message, int offset) {
    problems.add(new Problem(ProblemKind.VERSION, message, offset));
  }

  private void expectArgs(Expr.Call c, int n) {
    if (c.args().size() != n) {
      problems.add(
          new Problem(
              ProblemKind.TYPE,
              (c.args().size() < n ? "not enough" : "too many") + " arguments to call " + c.name(),
              c.offset()));
    }
  }

  private void requireCollection(Expr.Call c, Type t, Expr arg) {
    if (!(t.isAny() || t.kind() == Type.Kind.ARRAY || t.kind() == Type.Kind.MAP)) {
      problem(arg, "builtin " + c.name() + " takes only array (got " + t + ")", c.offset());
    }
  }
}
