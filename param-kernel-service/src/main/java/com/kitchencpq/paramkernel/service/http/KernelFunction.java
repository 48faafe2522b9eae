package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaException;
import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaKernel;

/**
 * What the HTTP layer needs from the kernel: request bytes in, response bytes out, a typed
 * exception for a refused request (its kind becomes a status in {@link ErrorStatus}). Normally
 * {@link ApplyDeltaKernel#apply}; keeping the HTTP layer on this one method lets it be replaced
 * without touching the kernel.
 */
@FunctionalInterface
public interface KernelFunction {
  byte[] apply(byte[] requestUtf8) throws ApplyDeltaException;

  static KernelFunction of(ApplyDeltaKernel kernel) {
    return kernel::apply;
  }
}
