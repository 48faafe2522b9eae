package com.kitchencpq.paramkernel.service.kernel.expr;

import java.util.List;

/**
 * A node of a compiled expression tree. After {@link #check} has given every node its type, the
 * tree is evaluated with the typed methods ({@link #num}, {@link #bool}, {@link #str}), so numbers
 * are never boxed. Every numeric operation that can leave the finite range checks its result.
 */
public abstract class Node {
  /** Character offset (0-based) of the node's first character in the expression text. */
  final int offset;

  /** Longest path from this node to a leaf, counted in nodes; bounded by the parser. */
  final int height;

  /** The node's type, set by {@link #check}. */
  byte type;

  Node(int offset, int height) {
    this.offset = offset;
    this.height = height;
  }

  public byte type() {
    return type;
  }

  /** Adds every name reference of this tree (untaken branches included) to {@code out}. */
  public abstract void collectRefs(List<Ref> out);

  /** Computes and stores the type of this tree; UNKNOWN operands never cause a second error. */
  public abstract byte check() throws ExprError;

  public double num(Values v) {
    throw new IllegalStateException("not a number expression");
  }

  public boolean bool(Values v) {
    throw new IllegalStateException("not a boolean expression");
  }

  public String str(Values v) {
    throw new IllegalStateException("not a string expression");
  }

  static double finite(double r, Node at, String what) {
    if (Double.isNaN(r) || Double.isInfinite(r)) {
      throw nonFinite(r, at, what);
    }
    return r;
  }

  static EvalError nonFinite(double r, Node at, String what) {
    return new EvalError(
        "non-finite", what + " at offset " + at.offset + " gives " + r + " (not a finite number)");
    // r is NaN or +-Infinity here, which Double.toString names plainly
  }

  /** Fails unless {@code got} is {@code expected} (or unknown after an earlier error). */
  void expect(Node operand, byte got, byte expected, String what) throws ExprError {
    if (got != Type.UNKNOWN && got != expected) {
      throw new ExprError(
          "type-mismatch",
          what
              + " at offset "
              + offset
              + " needs a "
              + Type.name(expected)
              + ", got a "
              + Type.name(got)
              + " (at offset "
              + operand.offset
              + ")");
    }
  }

  static int height(Node... children) {
    int h = 0;
    for (Node c : children) {
      h = Math.max(h, c.height);
    }
    return h + 1;
  }

  // ---------------------------------------------------------------- leaves

  /** A number literal (always finite: the parser rejects literals out of range). */
  public static final class NumLit extends Node {
    final double value;

    NumLit(int offset, double value) {
      super(offset, 1);
      this.value = value;
    }

    @Override
    public void collectRefs(List<Ref> out) {}

    @Override
    public byte check() {
      return type = Type.NUMBER;
    }

    @Override
    public double num(Values v) {
      return value;
    }
  }

  public static final class StrLit extends Node {
    final String value;

    StrLit(int offset, String value) {
      super(offset, 1);
      this.value = value;
    }

    @Override
    public void collectRefs(List<Ref> out) {}

    @Override
    public byte check() {
      return type = Type.STRING;
    }

    @Override
    public String str(Values v) {
      return value;
    }
  }

  public static final class BoolLit extends Node {
    final boolean value;

    BoolLit(int offset, boolean value) {
      super(offset, 1);
      this.value = value;
    }

    @Override
    public void collectRefs(List<Ref> out) {}

    @Override
    public byte check() {
      return type = Type.BOOLEAN;
    }

    @Override
    public boolean bool(Values v) {
      return value;
    }
  }

  /** A reference to a parameter; the compiler resolves its slot and type before checking. */
  public static final class Ref extends Node {
    public final String name;
    int slot = -1;
    byte slotType = Type.UNKNOWN;

    Ref(int offset, String name) {
      super(offset, 1);
      this.name = name;
    }

    public int offset() {
      return offset;
    }

    /** Binds the reference to a parameter slot (-1 for an unknown name). */
    public void bind(int slot) {
      this.slot = slot;
    }

    public int slot() {
      return slot;
    }

    /** Gives the reference the type of its slot, known once that slot has been checked. */
    public void bindType(byte slotType) {
      this.slotType = slotType;
    }

    @Override
    public void collectRefs(List<Ref> out) {
      out.add(this);
    }

    @Override
    public byte check() {
      return type = slotType;
    }

    @Override
    public double num(Values v) {
      return v.num[slot];
    }

    @Override
    public String str(Values v) {
      return v.str[slot];
    }

    @Override
    public boolean bool(Values v) {
      return v.bool[slot];
    }
  }

  // ---------------------------------------------------------------- operators

  /** Unary minus. */
  public static final class Neg extends Node {
    final Node operand;

    Neg(int offset, Node operand) {
      super(offset, height(operand));
      this.operand = operand;
    }

    @Override
    public void collectRefs(List<Ref> out) {
      operand.collectRefs(out);
    }

    @Override
    public byte check() throws ExprError {
      expect(operand, operand.check(), Type.NUMBER, "operator '-'");
      return type = Type.NUMBER;
    }

    @Override
    public double num(Values v) {
      return -operand.num(v);
    }
  }

  public static final class Not extends Node {
    final Node operand;

    Not(int offset, Node operand) {
      super(offset, height(operand));
      this.operand = operand;
    }

    @Override
    public void collectRefs(List<Ref> out) {
      operand.collectRefs(out);
    }

    @Override
    public byte check() throws ExprError {
      expect(operand, operand.check(), Type.BOOLEAN, "operator '!'");
      return type = Type.BOOLEAN;
    }

    @Override
    public boolean bool(Values v) {
      return !operand.bool(v);
    }
  }

  /** Binary arithmetic: + - * / %. */
  public static final class Arith extends Node {
    final char op;
    final Node left;
    final Node right;

    Arith(int offset, char op, Node left, Node right) {
      super(offset, height(left, right));
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    public void collectRefs(List<Ref> out) {
      left.collectRefs(out);
      right.collectRefs(out);
    }

    @Override
    public byte check() throws ExprError {
      String what = "operator '" + op + "'";
      expect(left, left.check(), Type.NUMBER, what);
      expect(right, right.check(), Type.NUMBER, what);
      return type = Type.NUMBER;
    }

    @Override
    public double num(Values v) {
      double a = left.num(v);
      double b = right.num(v);
      double r;
      switch (op) {
        case '+' -> r = a + b;
        case '-' -> r = a - b;
        case '*' -> r = a * b;
        case '/' -> r = a / b;
        default -> r = a % b;
      }
      if (Double.isNaN(r) || Double.isInfinite(r)) {
        throw nonFinite(r, this, "operator '" + op + "'");
      }
      return r;
    }
  }

  /** Ordering comparison of numbers: &lt; &lt;= &gt; &gt;=. */
  public static final class Compare extends Node {
    final String op;
    final Node left;
    final Node right;

    Compare(int offset, String op, Node left, Node right) {
      super(offset, height(left, right));
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    public void collectRefs(List<Ref> out) {
      left.collectRefs(out);
      right.collectRefs(out);
    }

    @Override
    public byte check() throws ExprError {
      String what = "operator '" + op + "'";
      expect(left, left.check(), Type.NUMBER, what);
      expect(right, right.check(), Type.NUMBER, what);
      return type = Type.BOOLEAN;
    }

    @Override
    public boolean bool(Values v) {
      double a = left.num(v);
      double b = right.num(v);
      return switch (op) {
        case "<" -> a < b;
        case "<=" -> a <= b;
        case ">" -> a > b;
        default -> a >= b;
      };
    }
  }

  /** == and != on two operands of the same type. */
  public static final class Equals extends Node {
    final boolean negate;
    final Node left;
    final Node right;
    byte operandType;

    Equals(int offset, boolean negate, Node left, Node right) {
      super(offset, height(left, right));
      this.negate = negate;
      this.left = left;
      this.right = right;
    }

    @Override
    public void collectRefs(List<Ref> out) {
      left.collectRefs(out);
      right.collectRefs(out);
    }

    @Override
    public byte check() throws ExprError {
      byte a = left.check();
      byte b = right.check();
      if (a != Type.UNKNOWN && b != Type.UNKNOWN && a != b) {
        throw new ExprError(
            "type-mismatch",
            "operator '"
                + (negate ? "!=" : "==")
                + "' at offset "
                + offset
                + " compares a "
                + Type.name(a)
                + " with a "
                + Type.name(b));
      }
      operandType = a != Type.UNKNOWN ? a : b;
      return type = Type.BOOLEAN;
    }

    @Override
    public boolean bool(Values v) {
      boolean eq =
          switch (operandType) {
            case Type.NUMBER -> left.num(v) == right.num(v);
            case Type.STRING -> left.str(v).equals(right.str(v));
            default -> left.bool(v) == right.bool(v);
          };
      return eq != negate;
    }
  }

  /** Lazy && and ||. */
  public static final class Logic extends Node {
    final boolean and;
    final Node left;
    final Node right;

    Logic(int offset, boolean and, Node left, Node right) {
      super(offset, height(left, right));
      this.and = and;
      this.left = left;
      this.right = right;
    }

    @Override
    public void collectRefs(List<Ref> out) {
      left.collectRefs(out);
      right.collectRefs(out);
    }

    @Override
    public byte check() throws ExprError {
      String what = "operator '" + (and ? "&&" : "||") + "'";
      expect(left, left.check(), Type.BOOLEAN, what);
      expect(right, right.check(), Type.BOOLEAN, what);
      return type = Type.BOOLEAN;
    }

    @Override
    public boolean bool(Values v) {
      return and ? left.bool(v) && right.bool(v) : left.bool(v) || right.bool(v);
    }
  }

  // ---------------------------------------------------------------- functions

  /** if(cond, a, b): only the chosen branch is evaluated. */
  public static final class If extends Node {
    final Node cond;
    final Node then;
    final Node otherwise;

    If(int offset, Node cond, Node then, Node otherwise) {
      super(offset, height(cond, then, otherwise));
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    public void collectRefs(List<Ref> out) {
      cond.collectRefs(out);
      then.collectRefs(out);
      otherwise.collectRefs(out);
    }

    @Override
    public byte check() throws ExprError {
      expect(cond, cond.check(), Type.BOOLEAN, "the condition of if()");
      byte a = then.check();
      byte b = otherwise.check();
      if (a != Type.UNKNOWN && b != Type.UNKNOWN && a != b) {
        throw new ExprError(
            "type-mismatch",
            "if() at offset "
                + offset
                + " has branches of different types: "
                + Type.name(a)
                + " and "
                + Type.name(b));
      }
      return type = a != Type.UNKNOWN ? a : b;
    }

    @Override
    public double num(Values v) {
      return cond.bool(v) ? then.num(v) : otherwise.num(v);
    }

    @Override
    public String str(Values v) {
      return cond.bool(v) ? then.str(v) : otherwise.str(v);
    }

    @Override
    public boolean bool(Values v) {
      return cond.bool(v) ? then.bool(v) : otherwise.bool(v);
    }
  }

  /** The numeric functions min, max, abs, ceil, floor, sqrt, round and clamp. */
  public static final class Call extends Node {
    private static final int MIN = 0;
    private static final int MAX = 1;
    private static final int ABS = 2;
    private static final int CEIL = 3;
    private static final int FLOOR = 4;
    private static final int SQRT = 5;
    private static final int ROUND = 6;
    private static final int CLAMP = 7;

    final String fn;
    private final int id;
    final Node[] args;

    Call(int offset, String fn, Node[] args) {
      super(offset, height(args));
      this.fn = fn;
      this.args = args;
      this.id =
          switch (fn) {
            case "min" -> MIN;
            case "max" -> MAX;
            case "abs" -> ABS;
            case "ceil" -> CEIL;
            case "floor" -> FLOOR;
            case "sqrt" -> SQRT;
            case "round" -> ROUND;
            case "clamp" -> CLAMP;
            default -> throw new IllegalArgumentException("unknown function " + fn);
          };
    }

    @Override
    public void collectRefs(List<Ref> out) {
      for (Node a : args) {
        a.collectRefs(out);
      }
    }

    @Override
    public byte check() throws ExprError {
      for (int i = 0; i < args.length; i++) {
        expect(args[i], args[i].check(), Type.NUMBER, "argument " + (i + 1) + " of " + fn + "()");
      }
      return type = Type.NUMBER;
    }

    @Override
    public double num(Values v) {
      switch (id) {
        case MIN -> {
          double r = args[0].num(v);
          for (int i = 1; i < args.length; i++) {
            r = Math.min(r, args[i].num(v));
          }
          return r;
        }
        case MAX -> {
          double r = args[0].num(v);
          for (int i = 1; i < args.length; i++) {
            r = Math.max(r, args[i].num(v));
          }
          return r;
        }
        case ABS -> {
          return Math.abs(args[0].num(v));
        }
        case CEIL -> {
          return Math.ceil(args[0].num(v));
        }
        case FLOOR -> {
          return Math.floor(args[0].num(v));
        }
        case SQRT -> {
          return finite(Math.sqrt(args[0].num(v)), this, "sqrt()");
        }
        case ROUND -> {
          double x = args[0].num(v);
          int digits = 0;
          if (args.length == 2) {
            double d = args[1].num(v);
            if (!(d >= 0 && d <= 15 && d == Math.rint(d))) {
              throw new EvalError(
                  "invalid-argument",
                  "round() at offset "
                      + offset
                      + ": digits must be an integer from 0 to 15, got "
                      + NumberText.format(d));
            }
            digits = (int) d;
          }
          return finite(Rounding.halfAwayFromZero(x, digits), this, "round()");
        }
        default -> {
          double x = args[0].num(v);
          double lo = args[1].num(v);
          double hi = args[2].num(v);
          if (lo > hi) {
            throw new EvalError(
                "invalid-argument",
                "clamp() at offset "
                    + offset
                    + ": lo "
                    + NumberText.format(lo)
                    + " is greater than hi "
                    + NumberText.format(hi));
          }
          return Math.min(Math.max(x, lo), hi);
        }
      }
    }
  }
}
