package com.kitchencpq.paramkernel.plugin.expr;

/**
 * The static type of a sub-expression as far as the checker knows it. {@code ANY} means "unknown
 * here" (a web or job result, a placeholder, a map member): nothing is reported about it. Arrays
 * carry their element type.
 */
public record Type(Kind kind, Type element) {
  /** What a value is. */
  public enum Kind {
    BOOL,
    INT,
    FLOAT,
    STRING,
    ARRAY,
    MAP,
    NIL,
    TIME,
    DURATION,
    ANY
  }

  public static final Type BOOL = new Type(Kind.BOOL, null);
  public static final Type INT = new Type(Kind.INT, null);
  public static final Type FLOAT = new Type(Kind.FLOAT, null);
  public static final Type STRING = new Type(Kind.STRING, null);
  public static final Type MAP = new Type(Kind.MAP, null);
  public static final Type NIL = new Type(Kind.NIL, null);
  public static final Type TIME = new Type(Kind.TIME, null);
  public static final Type DURATION = new Type(Kind.DURATION, null);
  public static final Type ANY = new Type(Kind.ANY, null);

  /** What a Prometheus vector or flattened matrix is bound to: {@code []float64}. */
  public static final Type FLOAT_LIST = array(FLOAT);

  public static Type array(Type element) {
    return new Type(Kind.ARRAY, element == null ? ANY : element);
  }

  public boolean isAny() {
    return kind == Kind.ANY;
  }

  public boolean isNumber() {
    return kind == Kind.INT || kind == Kind.FLOAT;
  }

  /** A number, or unknown. */
  public boolean maybeNumber() {
    return isNumber() || isAny();
  }

  public boolean maybe(Kind k) {
    return kind == k || isAny();
  }

  public Type elementOrAny() {
    return kind == Kind.ARRAY ? element : ANY;
  }

  /** The Go spelling, as expr-lang prints types in its messages. */
  public String goName() {
    return switch (kind) {
      case BOOL -> "bool";
      case INT -> "int";
      case FLOAT -> "float64";
      case STRING -> "string";
      case ARRAY -> "[]" + (element.isAny() ? "interface {}" : element.goName());
      case MAP -> "map[string]interface {}";
      case NIL -> "nil";
      case TIME -> "time.Time";
      case DURATION -> "time.Duration";
      case ANY -> "interface {}";
    };
  }

  @Override
  public String toString() {
    return goName();
  }
}
