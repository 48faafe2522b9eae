package com.kitchencpq.paramkernel.service.kernel;

/**
 * What kind of refusal an {@link ApplyDeltaException} is, in the contract's terms and without any
 * protocol: the HTTP layer maps each kind to its status code, in one place ({@code
 * http/ErrorStatus}).
 */
public enum ErrorKind {
  /**
   * The request's structure is wrong: not JSON or not UTF-8, a wrong JSON type, a missing or
   * repeated field, a limit, a name pattern, a duplicate id, an option or range rule. Checked
   * before anything is compiled, and it wins over every {@link #UNPROCESSABLE} problem.
   */
  BAD_REQUEST,

  /**
   * The request is well formed but cannot be applied: an expression that does not parse, an unknown
   * reference, a cycle, a type mismatch, a delta on an unknown or derived parameter, a non-finite
   * result.
   */
  UNPROCESSABLE
}
