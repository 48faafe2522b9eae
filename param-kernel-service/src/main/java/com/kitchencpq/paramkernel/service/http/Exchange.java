package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaException;
import com.kitchencpq.paramkernel.service.metrics.HttpMetrics;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * One request and its answer: request id, timing, metrics and the in-flight count. All methods run
 * on the request's event loop.
 */
final class Exchange {
  static final String JSON = "application/json";

  final HttpServerRequest request;
  final HttpServerResponse response;
  final String requestId;
  private final long startNanos;
  private final String method;
  private final HttpMetrics metrics;
  private final Lifecycle lifecycle;
  private final boolean recorded;
  private String route = HttpMetrics.UNMATCHED;
  private boolean finished;

  Exchange(HttpServerRequest request, HttpMetrics metrics, Lifecycle lifecycle, boolean recorded) {
    this.startNanos = System.nanoTime();
    this.request = request;
    this.response = request.response();
    this.metrics = metrics;
    this.lifecycle = lifecycle;
    this.recorded = recorded;
    this.method = request.method().name();
    this.requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    lifecycle.requestStarted();
    response.putHeader(RequestIds.HEADER, requestId);
    if (lifecycle.draining()) {
      // While draining, ask clients not to reuse the connection: the listener closes soon.
      response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    }
    response.endHandler(v -> finish(true));
    response.closeHandler(v -> finish(false));
  }

  void route(String template) {
    this.route = template;
  }

  String method() {
    return method;
  }

  boolean answered() {
    return response.ended() || response.closed();
  }

  void send(int status, String contentType, byte[] body) {
    if (answered()) {
      return;
    }
    response.setStatusCode(status);
    response.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
    response.end(Buffer.buffer(body));
  }

  /** Sends the contract's error body; HTTP-level errors point at the whole body (path ""). */
  void error(int status, String code, String message) {
    send(status, JSON, ApplyDeltaException.errorBody(code, message, ""));
  }

  /** A bug reached the client: answer 500 and log it with the request id (never the body). */
  void internalError(Throwable t) {
    JsonLog.error(
        "request.internal-error",
        "requestId",
        requestId,
        "method",
        method,
        "route",
        route,
        "exception",
        t.toString(),
        "at",
        firstFrame(t));
    error(500, "internal", "internal error; the request id is " + requestId);
  }

  private static String firstFrame(Throwable t) {
    StackTraceElement[] st = t.getStackTrace();
    return st.length == 0 ? "" : st[0].toString();
  }

  private void finish(boolean sent) {
    if (finished) {
      return;
    }
    finished = true;
    lifecycle.requestFinished(sent);
    if (sent && recorded) {
      metrics.record(method, route, response.getStatusCode(), System.nanoTime() - startNanos);
    }
  }
}
