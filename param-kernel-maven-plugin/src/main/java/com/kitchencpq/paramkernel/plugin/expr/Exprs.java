package com.kitchencpq.paramkernel.plugin.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Walking a condition tree: all nodes, calls by name, threshold comparisons against result. */
public final class Exprs {
  private Exprs() {}

  /**
   * A comparison {@code <result expression> op number}, written with the result side on the left.
   */
  public record Threshold(String op, double value, Expr subject, int offset) {
    /** The comparison as text, e.g. {@code < 0.01}. */
    public String describe() {
      return op + " " + format(value);
    }
  }

  /** Every node of the tree, parents before children. */
  public static List<Expr> nodes(Expr root) {
    List<Expr> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Expr e, List<Expr> out) {
    if (e == null) {
      return;
    }
    out.add(e);
    if (e instanceof Expr.Member m) {
      collect(m.target(), out);
    } else if (e instanceof Expr.Index i) {
      collect(i.target(), out);
      collect(i.index(), out);
    } else if (e instanceof Expr.Slice s) {
      collect(s.target(), out);
      collect(s.from(), out);
      collect(s.to(), out);
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> collect(a, out));
    } else if (e instanceof Expr.MethodCall c) {
      collect(c.target(), out);
      c.args().forEach(a -> collect(a, out));
    } else if (e instanceof Expr.Closure c) {
      collect(c.body(), out);
    } else if (e instanceof Expr.Unary u) {
      collect(u.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (e instanceof Expr.Conditional c) {
      collect(c.cond(), out);
      collect(c.then(), out);
      collect(c.otherwise(), out);
    } else if (e instanceof Expr.ArrayLit a) {
      a.items().forEach(x -> collect(x, out));
    } else if (e instanceof Expr.MapLit m) {
      m.keys().forEach(x -> collect(x, out));
      m.values().forEach(x -> collect(x, out));
    } else if (e instanceof Expr.Let l) {
      collect(l.value(), out);
      collect(l.body(), out);
    }
  }

  /** The calls of function {@code name} in the tree. */
  public static List<Expr.Call> calls(Expr root, String name) {
    return nodes(root).stream()
        .filter(Expr.Call.class::isInstance)
        .map(Expr.Call.class::cast)
        .filter(c -> c.name().equals(name))
        .toList();
  }

  public static boolean callsAny(Expr root, String... names) {
    for (String n : names) {
      if (!calls(root, n).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the tree reads {@code result} (directly or through a let variable). */
  public static boolean readsResult(Expr root) {
    return nodes(root).stream()
        .anyMatch(e -> e instanceof Expr.Ident id && id.name().equals("result"));
  }

  /** Whether the tree has a {@code {{...}}} tag outside quotes. */
  public static boolean hasPlaceholder(Expr root) {
    return nodes(root).stream().anyMatch(Expr.Placeholder.class::isInstance);
  }

  /**
   * The comparisons of a measured value with a number: {@code result[0] < 0.01}, {@code 0.03 <
   * result}, {@code result[0] * 1000 > 60} (subject {@code result[0] * 1000}). Comparisons of
   * {@code len(result)} are guards, not thresholds, and are left out.
   */
  public static List<Threshold> thresholds(Expr root) {
    List<Threshold> out = new ArrayList<>();
    for (Expr e : nodes(root)) {
      if (!(e instanceof Expr.Binary b) || !isComparison(b.op())) {
        continue;
      }
      Optional<Double> right = number(b.right());
      Optional<Double> left = number(b.left());
      if (right.isPresent() && isMeasured(b.left())) {
        out.add(new Threshold(b.op(), right.get(), b.left(), b.offset()));
      } else if (left.isPresent() && isMeasured(b.right())) {
        out.add(new Threshold(flip(b.op()), left.get(), b.right(), b.offset()));
      }
    }
    return out;
  }

  private static boolean isComparison(String op) {
    return op.equals("<")
        || op.equals("<=")
        || op.equals(">")
        || op.equals(">=")
        || op.equals("==")
        || op.equals("!=");
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private static boolean isMeasured(Expr e) {
    if (!readsResult(e)) {
      return false;
    }
    return nodes(e).stream().noneMatch(n -> n instanceof Expr.Call c && c.name().equals("len"));
  }

  /** A number literal, possibly negated. */
  public static Optional<Double> number(Expr e) {
    if (e instanceof Expr.Literal l && l.value() instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    if (e instanceof Expr.Unary u && u.op().equals("-")) {
      return number(u.operand()).map(v -> -v);
    }
    return Optional.empty();
  }

  /** A number as people write it: 0.03, 5, 1e-06. */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
