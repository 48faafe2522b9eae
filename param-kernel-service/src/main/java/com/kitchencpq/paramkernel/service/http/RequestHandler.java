package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaException;
import com.kitchencpq.paramkernel.service.metrics.HttpMetrics;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;

/**
 * Routes requests and applies the HTTP rules of the contract: 415 before 413 before the kernel's
 * refusals (their statuses from {@link ErrorStatus}), 404 and 405 with the contract's error body,
 * and a 500 only for bugs.
 */
final class RequestHandler implements Handler<HttpServerRequest> {
  /** Warm-up requests carry this header with the process's secret token and are not counted. */
  static final String WARMUP_HEADER = "X-Param-Kernel-Warmup";

  /**
   * Bodies up to this size run through the kernel on the event loop (a 20 KB request takes tens of
   * microseconds); larger ones, up to the body limit, go to the worker pool so that one big model
   * cannot stall the other connections of its event loop.
   */
  static final int INLINE_LIMIT = 64 * 1024;

  /** After an early rejection, discard at most this long for the client to finish sending. */
  static final long LINGER_MILLIS = 1000;

  private static final String GET_ONLY = "GET, HEAD";
  private static final byte[] LIVE_BODY = bytes("{\"status\":\"live\"}");
  private static final byte[] READY_BODY = bytes("{\"status\":\"ready\"}");

  private final Vertx vertx;
  private final KernelFunction kernel;
  private final HttpMetrics metrics;
  private final Lifecycle lifecycle;
  private final int bodyLimit;
  private final String warmupToken;

  RequestHandler(
      Vertx vertx,
      KernelFunction kernel,
      HttpMetrics metrics,
      Lifecycle lifecycle,
      int bodyLimit,
      String warmupToken) {
    this.vertx = vertx;
    this.kernel = kernel;
    this.metrics = metrics;
    this.lifecycle = lifecycle;
    this.bodyLimit = bodyLimit;
    this.warmupToken = warmupToken;
  }

  @Override
  public void handle(HttpServerRequest request) {
    Exchange ex =
        new Exchange(
            request, metrics, lifecycle, !warmupToken.equals(request.getHeader(WARMUP_HEADER)));
    try {
      route(ex);
    } catch (Throwable t) {
      ex.internalError(t);
    }
  }

  /** For requests Netty could not parse (bad request line, oversized headers ...). */
  void handleInvalid(HttpServerRequest request) {
    Exchange ex = new Exchange(request, metrics, lifecycle, true);
    Throwable cause = request.decoderResult().cause();
    if (cause instanceof TooLongHttpLineException) {
      ex.error(414, "uri-too-long", "the request line is too long");
    } else if (cause instanceof TooLongHttpHeaderException) {
      ex.error(431, "header-fields-too-large", "the request headers are too large");
    } else if (cause instanceof TooLongFrameException) {
      ex.error(400, "invalid-request", "an HTTP frame is too long");
    } else {
      ex.error(400, "invalid-request", "the request is not valid HTTP/1.1");
    }
  }

  private void route(Exchange ex) {
    HttpMethod method = ex.request.method();
    String path = ex.request.path();
    if (path == null) {
      path = "";
    }
    switch (path) {
      case Routes.APPLY_DELTA -> {
        ex.route(Routes.APPLY_DELTA);
        if (method == HttpMethod.POST) {
          applyDelta(ex);
        } else {
          notAllowed(ex, "POST");
        }
      }
      case Routes.LIVE -> {
        ex.route(Routes.LIVE);
        if (isGet(method)) {
          ex.send(200, Exchange.JSON, LIVE_BODY);
        } else {
          notAllowed(ex, GET_ONLY);
        }
      }
      case Routes.READY -> {
        ex.route(Routes.READY);
        if (!isGet(method)) {
          notAllowed(ex, GET_ONLY);
        } else if (lifecycle.ready()) {
          ex.send(200, Exchange.JSON, READY_BODY);
        } else {
          String phase = lifecycle.draining() ? "draining" : "warming-up";
          ex.send(503, Exchange.JSON, bytes("{\"status\":\"" + phase + "\"}"));
        }
      }
      case Routes.METRICS -> {
        ex.route(Routes.METRICS);
        if (isGet(method)) {
          scrape(ex);
        } else {
          notAllowed(ex, GET_ONLY);
        }
      }
      default ->
          rejectEarly(
              ex,
              404,
              "not-found",
              "no route " + printable(path) + "; the API is POST " + Routes.APPLY_DELTA);
    }
  }

  private static boolean isGet(HttpMethod m) {
    return m == HttpMethod.GET || m == HttpMethod.HEAD;
  }

  private void notAllowed(Exchange ex, String allow) {
    ex.response.putHeader(HttpHeaders.ALLOW, allow);
    rejectEarly(
        ex,
        405,
        "method-not-allowed",
        "method " + printable(ex.method()) + " is not allowed here; allowed: " + allow);
  }

  private void scrape(Exchange ex) {
    String accept = ex.request.getHeader(HttpHeaders.ACCEPT);
    vertx
        .<HttpMetrics.Exposition>executeBlocking(() -> metrics.expose(accept), false)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                ex.send(200, ar.result().contentType(), ar.result().body());
              } else {
                ex.internalError(ar.cause());
              }
            });
  }

  private void applyDelta(Exchange ex) {
    HttpServerRequest req = ex.request;
    String contentType = req.getHeader(HttpHeaders.CONTENT_TYPE);
    if (!JsonContentType.accepts(contentType)) {
      rejectEarly(
          ex,
          415,
          "unsupported-media-type",
          "Content-Type must be application/json with charset utf-8 or none, not "
              + (contentType == null ? "missing" : printable(contentType)));
      return;
    }
    long length = declaredLength(req);
    if (length > bodyLimit) {
      tooLarge(ex);
      return;
    }
    if (req.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
      ex.response.writeContinue();
    }
    BodyCollector body =
        new BodyCollector(length >= 0 ? (int) Math.min(length, INLINE_LIMIT) : 16 * 1024);
    req.handler(
        chunk -> {
          if (body.rejected) {
            return;
          }
          if (!body.append(chunk, bodyLimit)) {
            body.rejected = true;
            tooLarge(ex);
          }
        });
    req.endHandler(
        v -> {
          if (!body.rejected) {
            runKernel(ex, body.bytes());
          }
        });
  }

  private void tooLarge(Exchange ex) {
    rejectEarly(
        ex,
        413,
        "payload-too-large",
        "the request body is larger than the limit of " + bodyLimit + " bytes (BODY_LIMIT_BYTES)");
  }

  /**
   * Answers before the body was read. A body of announced length within the limit is read and
   * thrown away, and the connection stays open for the next request. A body that is too large or of
   * unknown length (chunked), or one the client was told to hold back (Expect: 100-continue), may
   * be long or never come: the answer says {@code Connection: close}, the rest is discarded (never
   * kept) for a moment so that the client can read the answer rather than a reset, and the
   * connection is closed when the body ends, passes the limit, or after {@link #LINGER_MILLIS}.
   */
  private void rejectEarly(Exchange ex, int status, String code, String message) {
    HttpServerRequest req = ex.request;
    // With Expect: 100-continue and no 100 sent, the client may or may not send the body, so
    // the connection cannot be reused safely either.
    boolean mayBeLong =
        status == 413
            || declaredLength(req) > bodyLimit
            || req.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)
            || req.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true);
    if (mayBeLong) {
      ex.response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    }
    ex.error(status, code, message);
    if (req.isEnded()) {
      if (mayBeLong) {
        req.connection().close();
      }
      return;
    }
    if (!mayBeLong) {
      req.handler(chunk -> {});
      req.endHandler(v -> {});
      return;
    }
    long[] discarded = {0};
    long timer = vertx.setTimer(LINGER_MILLIS, id -> req.connection().close());
    req.handler(
        chunk -> {
          discarded[0] += chunk.length();
          if (discarded[0] > bodyLimit) {
            vertx.cancelTimer(timer);
            req.connection().close();
          }
        });
    req.endHandler(
        v -> {
          vertx.cancelTimer(timer);
          req.connection().close();
        });
  }

  /** The Content-Length header, or -1 when absent or unreadable (Netty rejects bad ones). */
  private static long declaredLength(HttpServerRequest req) {
    String declared = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared == null) {
      return -1;
    }
    try {
      return Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void runKernel(Exchange ex, byte[] body) {
    if (body.length <= INLINE_LIMIT) {
      answer(ex, KernelOutcome.of(kernel, body));
    } else {
      vertx
          .executeBlocking(() -> KernelOutcome.of(kernel, body), false)
          .onComplete(
              ar -> {
                if (ar.succeeded()) {
                  answer(ex, ar.result());
                } else {
                  ex.internalError(ar.cause());
                }
              });
    }
  }

  private static void answer(Exchange ex, KernelOutcome outcome) {
    if (outcome.failure() != null) {
      ex.internalError(outcome.failure());
    } else {
      ex.send(outcome.status(), Exchange.JSON, outcome.body());
    }
  }

  /** The kernel's answer as data; never throws. */
  record KernelOutcome(int status, byte[] body, Throwable failure) {
    static KernelOutcome of(KernelFunction kernel, byte[] request) {
      try {
        return new KernelOutcome(200, kernel.apply(request), null);
      } catch (ApplyDeltaException e) {
        return new KernelOutcome(ErrorStatus.of(e.kind()), e.toJson(), null);
      } catch (Throwable t) { // a bug: mapped to 500 and logged by the caller
        return new KernelOutcome(500, null, t);
      }
    }
  }

  /** Collects a body up to the limit in one growing buffer. */
  private static final class BodyCollector {
    private final Buffer buffer;
    boolean rejected;

    BodyCollector(int expected) {
      buffer = Buffer.buffer(Math.max(16, expected));
    }

    boolean append(Buffer chunk, int limit) {
      if ((long) buffer.length() + chunk.length() > limit) {
        return false;
      }
      buffer.appendBuffer(chunk);
      return true;
    }

    byte[] bytes() {
      return buffer.getBytes();
    }
  }

  static String printable(String s) {
    String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
    StringBuilder sb = new StringBuilder(cut.length() + 2).append('"');
    cut.codePoints().forEach(c -> sb.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
    return sb.append('"').toString();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
