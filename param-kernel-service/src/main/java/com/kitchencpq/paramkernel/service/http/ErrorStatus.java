package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.kernel.ErrorKind;

/**
 * The one place where the kernel's kinds of refusal become HTTP status codes, as the contract says:
 * {@link ErrorKind#BAD_REQUEST} is 400, {@link ErrorKind#UNPROCESSABLE} is 422. The switch has no
 * default, so a new kind does not compile until it has its status here.
 */
final class ErrorStatus {
  private ErrorStatus() {}

  static int of(ErrorKind kind) {
    return switch (kind) {
      case BAD_REQUEST -> 400;
      case UNPROCESSABLE -> 422;
    };
  }
}
