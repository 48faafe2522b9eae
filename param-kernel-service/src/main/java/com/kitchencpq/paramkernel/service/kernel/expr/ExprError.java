package com.kitchencpq.paramkernel.service.kernel.expr;

/**
 * A problem found while compiling an expression: the contract's error code and a message that names
 * the character offset. The caller adds the JSON pointer of the expression.
 */
public final class ExprError extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;

  public ExprError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
