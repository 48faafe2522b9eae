package com.kitchencpq.paramkernel.service.kernel.expr;

/** The value types of parameters and expressions, as small constants used in arrays. */
public final class Type {
  /** Not known (the expression that would tell failed to compile). */
  public static final byte UNKNOWN = 0;

  public static final byte NUMBER = 1;
  public static final byte STRING = 2;
  public static final byte BOOLEAN = 3;

  private Type() {}

  public static String name(byte type) {
    return switch (type) {
      case NUMBER -> "number";
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      default -> "unknown";
    };
  }
}
