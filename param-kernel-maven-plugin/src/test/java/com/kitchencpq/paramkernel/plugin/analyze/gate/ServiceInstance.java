package com.kitchencpq.paramkernel.plugin.analyze.gate;

import com.kitchencpq.paramkernel.service.http.ApplyDeltaServer;
import com.kitchencpq.paramkernel.service.http.KernelFunction;
import com.kitchencpq.paramkernel.service.http.ServiceConfig;
import com.kitchencpq.paramkernel.service.http.WarmUp;
import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaKernel;
import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import java.util.Map;

/**
 * One pod of the test: the real param-kernel-service (HTTP server, metrics, probes) in this JVM on
 * a free loopback port, its kernel wrapped in a {@link FaultyKernel}. It warms up and turns ready
 * the way the service's Main does (the start-up warm-up uses the plain kernel and stays out of the
 * metrics, as in the service).
 */
final class ServiceInstance implements AutoCloseable {
  final String name;
  final String podTemplateHash;
  private final ApplyDeltaServer server;
  private volatile boolean stopped;

  private ServiceInstance(String name, String podTemplateHash, ApplyDeltaServer server) {
    this.name = name;
    this.podTemplateHash = podTemplateHash;
    this.server = server;
  }

  static ServiceInstance start(
      String name, String podTemplateHash, FaultProfile faults, long seed) {
    KernelFunction real = KernelFunction.of(new ApplyDeltaKernel());
    ServiceConfig config;
    try {
      config =
          ServiceConfig.fromEnv(
              Map.of(
                  ServiceConfig.HOST,
                  "127.0.0.1",
                  ServiceConfig.PORT,
                  "0",
                  ServiceConfig.SHUTDOWN_GRACE_SECONDS,
                  "1",
                  ServiceConfig.SHUTDOWN_DRAIN_SECONDS,
                  "0"));
    } catch (ServiceConfig.InvalidConfigException e) {
      throw new IllegalStateException(e);
    }
    FaultyKernel faulty = new FaultyKernel(real, faults, seed);
    ApplyDeltaServer server = ApplyDeltaServer.start(config, faulty);
    WarmUp.standard().run(server, real, BaselinePayload.request(), BaselinePayload.smallRequest());
    faulty.arm();
    server.markReady();
    return new ServiceInstance(name, podTemplateHash, server);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  String hostPort() {
    return "127.0.0.1:" + server.port();
  }

  boolean stopped() {
    return stopped;
  }

  /** Stops the pod: its port closes and its series end, as when a pod dies. */
  @Override
  public synchronized void close() {
    if (!stopped) {
      stopped = true;
      server.close();
    }
  }
}
