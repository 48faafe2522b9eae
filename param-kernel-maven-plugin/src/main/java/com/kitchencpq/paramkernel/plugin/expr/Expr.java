package com.kitchencpq.paramkernel.plugin.expr;

import java.util.List;

/**
 * The syntax tree of a success or failure condition (the expr-lang subset Argo conditions use).
 * Every node keeps the 0-based offset in the condition text where it starts.
 */
public sealed interface Expr {
  int offset();

  /**
   * A number, string, bool or nil literal; {@code value} is Long, Double, String, Boolean or null.
   */
  record Literal(Object value, int offset) implements Expr {}

  /** A name: {@code result}, a function used as a value, or a let/closure variable. */
  record Ident(String name, int offset) implements Expr {}

  /**
   * {@code #}, {@code #index}, {@code #acc} inside a predicate; {@code name} is "" for plain {@code
   * #}.
   */
  record Pointer(String name, int offset) implements Expr {}

  /** An Argo {@code {{args.x}}} tag outside quotes: its value is only known when the run starts. */
  record Placeholder(String tag, int offset) implements Expr {}

  /** {@code target.name} or {@code target?.name}. */
  record Member(Expr target, String name, boolean optional, int offset) implements Expr {}

  /** {@code target[index]}. */
  record Index(Expr target, Expr index, int offset) implements Expr {}

  /** {@code target[from:to]}; either bound may be null. */
  record Slice(Expr target, Expr from, Expr to, int offset) implements Expr {}

  /** A function call {@code name(args)}; a pipe {@code a | f(b)} becomes {@code f(a, b)}. */
  record Call(String name, List<Expr> args, int offset) implements Expr {}

  /** A method call {@code target.name(args)}. */
  record MethodCall(Expr target, String name, List<Expr> args, int offset) implements Expr {}

  /** A predicate {@code {...}} (or a bare predicate argument such as {@code # > 1}). */
  record Closure(Expr body, int offset) implements Expr {}

  /** {@code op operand} with op one of {@code ! not - +}. */
  record Unary(String op, Expr operand, int offset) implements Expr {}

  /**
   * {@code left op right}; {@code not in}, {@code not matches} etc. are written with the {@code not
   * } prefix.
   */
  record Binary(String op, Expr left, Expr right, int offset) implements Expr {}

  /** {@code cond ? then : otherwise}. */
  record Conditional(Expr cond, Expr then, Expr otherwise, int offset) implements Expr {}

  /** {@code [a, b]}. */
  record ArrayLit(List<Expr> items, int offset) implements Expr {}

  /** {@code {key: value, ...}}. */
  record MapLit(List<Expr> keys, List<Expr> values, int offset) implements Expr {}

  /** {@code let name = value; body}. */
  record Let(String name, Expr value, Expr body, int offset) implements Expr {}
}
