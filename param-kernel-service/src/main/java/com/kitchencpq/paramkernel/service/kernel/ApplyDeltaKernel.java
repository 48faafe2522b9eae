package com.kitchencpq.paramkernel.service.kernel;

/**
 * The ApplyDelta kernel: one request document in, one response document out. Plain Java, no
 * HTTP; thread-safe, and stateless apart from a bounded cache of compiled model shapes.
 *
 * <p>API agreed between the kernel and the HTTP layer (the HTTP layer owns 404, 405, 413 and
 * 415; everything about the body, 400 and 422, is decided here).
 */
public final class ApplyDeltaKernel {

  /** A kernel with the default cache size. */
  public ApplyDeltaKernel() {
    this(256);
  }

  /** A kernel whose compiled-model cache holds at most {@code cacheEntries} model shapes. */
  public ApplyDeltaKernel(int cacheEntries) {
    throw new UnsupportedOperationException("kernel not implemented yet");
  }

  /**
   * Applies the request and returns the UTF-8 JSON of the 200 response.
   *
   * @param requestUtf8 the request body as received
   * @throws ApplyDeltaException for every bad request (status 400 or 422) with the contract's
   *     error code, message and JSON pointer
   */
  public byte[] apply(byte[] requestUtf8) throws ApplyDeltaException {
    throw new UnsupportedOperationException("kernel not implemented yet");
  }
}
