package com.kitchencpq.paramkernel.service.warmup;

import com.kitchencpq.paramkernel.service.http.ApplyDeltaServer;
import com.kitchencpq.paramkernel.service.http.KernelFunction;
import com.kitchencpq.paramkernel.service.http.ServiceConfig;
import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaKernel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real param-kernel-service (HTTP server, routes, metrics, kernel) in this JVM on a free
 * 127.0.0.1 port, ready. The kernel can be wrapped through the server's {@link KernelFunction} seam
 * to make the service slow or failing: the wrappers live here, in the tests, never in the shipped
 * service.
 */
final class ServiceUnderTest implements AutoCloseable {
  private final ApplyDeltaServer server;
  final AtomicInteger kernelCalls = new AtomicInteger();

  private ServiceUnderTest(KernelFunction kernel) {
    KernelFunction counted =
        body -> {
          kernelCalls.incrementAndGet();
          return kernel.apply(body);
        };
    try {
      server =
          ApplyDeltaServer.start(
              ServiceConfig.fromEnv(
                  Map.of(ServiceConfig.HOST, "127.0.0.1", ServiceConfig.PORT, "0")),
              counted);
    } catch (ServiceConfig.InvalidConfigException e) {
      throw new IllegalStateException(e);
    }
    server.markReady();
  }

  /** With the real kernel. */
  static ServiceUnderTest real() {
    return new ServiceUnderTest(realKernel());
  }

  /** The real kernel, each answer held back by {@code delay} (on the server's worker threads). */
  static ServiceUnderTest slow(Duration delay) {
    KernelFunction real = realKernel();
    return new ServiceUnderTest(
        body -> {
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return real.apply(body);
        });
  }

  /**
   * The real kernel, but every {@code n}-th call fails unexpectedly, which the service answers with
   * 500 (its answer to a bug).
   */
  static ServiceUnderTest failingEvery(int n) {
    KernelFunction real = realKernel();
    AtomicInteger calls = new AtomicInteger();
    return new ServiceUnderTest(
        body -> {
          if (calls.incrementAndGet() % n == 0) {
            throw new IllegalStateException("injected by the warm-up test");
          }
          return real.apply(body);
        });
  }

  private static KernelFunction realKernel() {
    return KernelFunction.of(new ApplyDeltaKernel());
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
