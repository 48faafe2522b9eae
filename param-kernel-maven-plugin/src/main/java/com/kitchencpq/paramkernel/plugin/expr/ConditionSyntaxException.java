package com.kitchencpq.paramkernel.plugin.expr;

/** A condition that does not parse; {@code offset} is the 0-based position of the problem. */
public final class ConditionSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int offset;

  public ConditionSyntaxException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
