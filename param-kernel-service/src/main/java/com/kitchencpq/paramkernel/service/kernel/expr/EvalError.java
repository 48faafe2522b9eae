package com.kitchencpq.paramkernel.service.kernel.expr;

/**
 * A problem found while evaluating a compiled expression ({@code non-finite} or {@code
 * invalid-argument}). Unchecked and without stack trace so that the hot evaluation path stays free
 * of checked-exception plumbing; the kernel always catches it and turns it into an {@code
 * ApplyDeltaException} naming the parameter or part.
 */
public final class EvalError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  public EvalError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
