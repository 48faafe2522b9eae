package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.metrics.HttpMetrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP service: one listener per event loop on a shared port, the request handler, the metrics
 * and the life cycle (warm-up, ready, drain, stop). {@link #start} only listens; readiness turns
 * 200 after {@link #markReady()} (normally after {@link WarmUp}).
 */
public final class ApplyDeltaServer {
  private final ServiceConfig config;
  private final Vertx vertx;
  private final HttpMetrics metrics;
  private final Lifecycle lifecycle = new Lifecycle();
  private final String warmupToken = UUID.randomUUID().toString();
  private final List<HttpServer> listeners = new CopyOnWriteArrayList<>();
  private final List<String> deployments = new ArrayList<>();
  private int port = -1;

  private ApplyDeltaServer(ServiceConfig config, Vertx vertx, HttpMetrics metrics) {
    this.config = config;
    this.vertx = vertx;
    this.metrics = metrics;
  }

  /** Number of event loops and listeners: one per CPU the JVM may use. */
  static int eventLoops() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Binds the port and starts serving (readiness still 503).
   *
   * @throws IllegalStateException when the address cannot be bound; the message names it
   */
  public static ApplyDeltaServer start(ServiceConfig config, KernelFunction kernel) {
    int loops = eventLoops();
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(loops)
                .setWorkerPoolSize(loops + 2)
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    HttpMetrics metrics = new HttpMetrics();
    metrics.initRoute("POST", Routes.APPLY_DELTA, 500);
    ApplyDeltaServer server = new ApplyDeltaServer(config, vertx, metrics);
    RequestHandler handler =
        new RequestHandler(
            vertx, kernel, metrics, server.lifecycle, config.bodyLimitBytes(), server.warmupToken);
    try {
      // Listeners on the same Vert.x instance share one socket. A shared random port is Vert.x's
      // way to share one randomly chosen port, which is what PORT=0 asks for.
      server.deploy(
          handler,
          config.port() == 0
              ? SocketAddress.sharedRandomPort(1, config.host())
              : SocketAddress.inetSocketAddress(config.port(), config.host()),
          loops);
    } catch (RuntimeException e) {
      vertx.close();
      throw new IllegalStateException(
          "cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + " (check HOST and PORT): "
              + rootMessage(e),
          e);
    }
    return server;
  }

  /**
   * Deploys the listeners on {@code address}. A shared random port goes in as an address: since
   * Vert.x 5.1 {@code HttpServer.listen()} builds its address with {@code
   * SocketAddress.inetSocketAddress}, which refuses the negative port of the options that 5.0 took
   * for a shared random one ({@code io.vertx.core.http.impl.tcp.TcpHttpServer#listen}).
   */
  private void deploy(RequestHandler handler, SocketAddress address, int instances) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.host())
            .setHttp2ClearTextEnabled(false)
            .setCompressionSupported(false)
            .setTcpNoDelay(true)
            .setIdleTimeout(120)
            .setIdleTimeoutUnit(TimeUnit.SECONDS);
    String id =
        await(
            vertx.deployVerticle(
                () ->
                    new VerticleBase() {
                      @Override
                      public Future<?> start() {
                        return vertx
                            .createHttpServer(options)
                            .requestHandler(handler)
                            .invalidRequestHandler(handler::handleInvalid)
                            .listen(address)
                            .onSuccess(
                                s -> {
                                  listeners.add(s);
                                  synchronized (ApplyDeltaServer.this) {
                                    if (port < 0) {
                                      port = s.actualPort();
                                    }
                                  }
                                });
                      }
                    },
                new DeploymentOptions().setInstances(instances)),
            Duration.ofSeconds(30));
    deployments.add(id);
  }

  /** The bound port (the chosen one when PORT was 0). */
  public synchronized int port() {
    return port;
  }

  public ServiceConfig config() {
    return config;
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  public HttpMetrics metrics() {
    return metrics;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The secret header value that keeps warm-up requests out of the metrics. */
  String warmupToken() {
    return warmupToken;
  }

  /** Readiness turns 200. */
  public void markReady() {
    lifecycle.markReady();
  }

  /**
   * Graceful stop: readiness 503 at once; keep serving for the drain period (load balancers take a
   * moment to notice); then stop accepting, let open requests finish and close, all within the
   * grace period.
   *
   * @return true when the listeners closed within the grace period with no request left open
   */
  public boolean shutdown() {
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    lifecycle.beginDraining();
    JsonLog.info(
        "shutdown.draining",
        "inFlight",
        lifecycle.inFlight(),
        "drainMillis",
        config.shutdownDrain().toMillis(),
        "graceMillis",
        config.shutdownGrace().toMillis());
    sleepUntil(Math.min(deadline, System.nanoTime() + config.shutdownDrain().toNanos()));
    JsonLog.info("shutdown.closing-listener", "inFlight", lifecycle.inFlight());
    long abandonedBefore = lifecycle.abandoned();
    boolean clean = true;
    // Keep a little of the grace period for closing Vert.x itself.
    long reserve =
        Math.min(TimeUnit.MILLISECONDS.toNanos(500), config.shutdownGrace().toNanos() / 10);
    long left = Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - reserve - System.nanoTime());
    List<Future<Void>> closing = new ArrayList<>();
    for (HttpServer s : listeners) {
      closing.add(s.shutdown(left, TimeUnit.NANOSECONDS));
    }
    try {
      await(Future.all(closing), Duration.ofNanos(left));
    } catch (RuntimeException e) {
      clean = false;
    }
    // The listeners' futures may complete while an accepted request is still being read or
    // computed; wait for those too (their connections stay open until they are answered).
    while (lifecycle.inFlight() > 0 && System.nanoTime() < deadline - reserve) {
      sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5));
    }
    long open = lifecycle.inFlight();
    try {
      await(
          vertx.close(),
          Duration.ofNanos(
              Math.max(TimeUnit.MILLISECONDS.toNanos(100), deadline - System.nanoTime())));
    } catch (RuntimeException e) {
      clean = false;
    }
    // Requests whose connection closed before they were answered (by the client, or by us when
    // the grace period ran out).
    long abandoned = lifecycle.abandoned() - abandonedBefore;
    if (clean && open == 0) {
      JsonLog.info("shutdown.complete", "unansweredRequests", abandoned);
    } else {
      clean = false;
      JsonLog.warn("shutdown.grace-expired", "openRequests", open, "unansweredRequests", abandoned);
    }
    return clean;
  }

  /** Closes everything at once (tests). */
  public void close() {
    lifecycle.beginDraining();
    try {
      await(vertx.close(), Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      // closing anyway
    }
  }

  private static void sleepUntil(long nanoDeadline) {
    long left;
    while ((left = nanoDeadline - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(rootMessage(e), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out after " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r.getMessage() == null ? r.toString() : r.getMessage();
  }
}
