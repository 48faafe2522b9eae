package com.kitchencpq.paramkernel.service;

import com.kitchencpq.paramkernel.service.http.ApplyDeltaServer;
import com.kitchencpq.paramkernel.service.http.JsonLog;
import com.kitchencpq.paramkernel.service.http.KernelFunction;
import com.kitchencpq.paramkernel.service.http.ServiceConfig;
import com.kitchencpq.paramkernel.service.http.WarmUp;
import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaKernel;
import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import com.kitchencpq.paramkernel.service.warmup.WarmupMain;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Starts param-kernel-service: reads the environment, listens, warms up, turns ready, and on
 * SIGTERM drains and exits 0 within the grace period. Exit 2 for bad configuration, 1 when the
 * service cannot start.
 *
 * <p>With {@code warmup} as the first argument it runs the canary warm-up client instead ({@link
 * WarmupMain}, the rest of the arguments are its options). The warm-up Job of the rollout bundle
 * starts it that way, through the image's own entrypoint, so the Job needs neither the class path
 * nor the JVM flags of the image spelled out a second time.
 */
public final class Main {
  private static volatile boolean exitingOnError;

  private Main() {}

  /** The first argument that runs the warm-up client instead of the service. */
  public static final String WARMUP_COMMAND = "warmup";

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0) {
      if (WARMUP_COMMAND.equals(args[0])) {
        WarmupMain.main(Arrays.copyOfRange(args, 1, args.length));
        return;
      }
      System.err.println(
          "param-kernel-service takes no arguments (settings come from the environment),"
              + " or '"
              + WARMUP_COMMAND
              + " --target=<url> ...' to run the warm-up client; got '"
              + args[0]
              + "'");
      System.exit(2);
    }
    long mainStart = System.nanoTime();
    // Netty's allocator records JFR events when JFR is available; registering them costs about
    // 0.1 s of start-up for a recording nobody runs (benchmarks/http-load.md, run 8, measured
    // with the commands under "Commands" there). -Dio.netty.jfr.enabled=true brings them back.
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
    JsonLog.takeOverJavaUtilLogging();
    ServiceConfig config;
    try {
      config = ServiceConfig.fromEnv(System.getenv());
    } catch (ServiceConfig.InvalidConfigException e) {
      fail(2, "config.invalid", e.getMessage());
      return;
    }
    Runtime rt = Runtime.getRuntime();
    JsonLog.info(
        "starting",
        "host",
        config.host(),
        "port",
        config.port(),
        "bodyLimitBytes",
        config.bodyLimitBytes(),
        "shutdownGraceSeconds",
        config.shutdownGrace().toSeconds(),
        "shutdownDrainMillis",
        config.shutdownDrain().toMillis(),
        "cpus",
        rt.availableProcessors(),
        "maxHeapMiB",
        rt.maxMemory() >> 20,
        "java",
        System.getProperty("java.version"));

    KernelFunction kernel = KernelFunction.of(new ApplyDeltaKernel());
    ApplyDeltaServer server;
    try {
      server = ApplyDeltaServer.start(config, kernel);
    } catch (IllegalStateException e) {
      fail(1, "start.failed", e.getMessage());
      return;
    }
    JsonLog.info("listening", "host", config.host(), "port", server.port());
    rt.addShutdownHook(
        new Thread(
            () -> {
              if (exitingOnError) {
                return; // keep the error exit code
              }
              boolean clean = server.shutdown();
              // A JVM ended by SIGTERM exits 143; a drained service reports success instead.
              Runtime.getRuntime().halt(clean ? 0 : 1);
            },
            "graceful-shutdown"));

    WarmUp.Report report;
    try {
      report =
          WarmUp.standard()
              .run(server, kernel, BaselinePayload.request(), BaselinePayload.smallRequest());
    } catch (RuntimeException e) {
      fail(1, "warmup.failed", e.getMessage());
      return;
    }
    server.markReady();
    if (server.lifecycle().ready()) {
      JsonLog.info(
          "ready",
          "port",
          server.port(),
          "mainToReadyMillis",
          (System.nanoTime() - mainStart) / 1_000_000,
          "jvmStartToReadyMillis",
          ManagementFactory.getRuntimeMXBean().getUptime(),
          "warmupKernelRuns",
          report.kernelRuns(),
          "warmupKernelMillis",
          report.kernelMillis(),
          "warmupHttpRequests",
          report.httpRequests(),
          "warmupHttpMillis",
          report.httpMillis());
    }
  }

  private static void fail(int status, String event, String message) {
    exitingOnError = true;
    JsonLog.error(event, "message", message);
    System.exit(status);
  }
}
