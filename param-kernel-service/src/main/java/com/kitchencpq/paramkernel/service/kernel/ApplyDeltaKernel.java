package com.kitchencpq.paramkernel.service.kernel;

import java.util.List;

/**
 * The ApplyDelta kernel: one request document in, one response document out. Plain Java, no HTTP;
 * thread-safe, and stateless apart from a bounded cache of compiled model shapes.
 *
 * <p>API agreed between the kernel and the HTTP layer (the HTTP layer owns routing, methods, media
 * types and the body's size; everything about the body's content, {@link ErrorKind#BAD_REQUEST} and
 * {@link ErrorKind#UNPROCESSABLE}, is decided here).
 *
 * <p>Steps: read and check the JSON (BAD_REQUEST), find or compile the model shape (names,
 * expressions, dependency order, types), evaluate every derived parameter on the model as sent,
 * apply the deltas, re-evaluate only the derived parameters downstream of inputs that really
 * changed, then build the bill and the violations.
 */
public final class ApplyDeltaKernel {
  private final ShapeCache cache;

  /** A kernel with the default cache size. */
  public ApplyDeltaKernel() {
    this(256);
  }

  /** A kernel whose compiled-model cache holds at most {@code cacheEntries} model shapes. */
  public ApplyDeltaKernel(int cacheEntries) {
    if (cacheEntries < 0) {
      throw new IllegalArgumentException("cacheEntries must be 0 or more, got " + cacheEntries);
    }
    this.cache = new ShapeCache(cacheEntries);
  }

  /**
   * Applies the request and returns the UTF-8 JSON of the 200 response.
   *
   * @param requestUtf8 the request body as received
   * @throws ApplyDeltaException for every bad request (BAD_REQUEST or UNPROCESSABLE) with the
   *     contract's error code, message and JSON pointer
   */
  public byte[] apply(byte[] requestUtf8) throws ApplyDeltaException {
    return run(requestUtf8, false);
  }

  /** Same answer as {@link #apply}, but re-evaluates every derived parameter after the deltas. */
  byte[] applyWithFullRecompute(byte[] requestUtf8) throws ApplyDeltaException {
    return run(requestUtf8, true);
  }

  /** Number of shapes in the cache (for tests). */
  int cachedShapes() {
    return cache.size();
  }

  /** Cache hits so far (for tests). */
  long cacheHits() {
    return cache.hits();
  }

  private byte[] run(byte[] body, boolean fullRecompute) throws ApplyDeltaException {
    if (body == null || body.length == 0) {
      throw new ApplyDeltaException(
          ErrorKind.BAD_REQUEST, "malformed-json", "the body is empty", "");
    }
    Request req = RequestReader.read(body);
    ShapeKey key = req.shapeKey;
    CompiledShape shape = cache.get(key);
    ApplyDeltaException compileError = null;
    if (shape == null) {
      ShapeCompiler.Result r = ShapeCompiler.compile(req);
      shape = r.shape();
      compileError = r.firstError();
      if (compileError == null) {
        cache.put(key, shape);
      }
    }
    // min/max/step/options on derived parameters: BAD_REQUEST, so checked before any UNPROCESSABLE.
    List<Request.Param> params = req.params;
    for (int i = 0; i < params.size(); i++) {
      Request.Param par = params.get(i);
      if (par.expr != null
          && (par.hasMin() || par.hasMax() || par.hasStep() || par.options != null)) {
        ParameterReader.checkRuleTypes(par, i, shape.type[i]);
      }
    }
    if (compileError != null) {
      throw compileError;
    }
    return new Evaluation(req, shape, fullRecompute).run();
  }
}
