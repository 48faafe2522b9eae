package com.kitchencpq.paramkernel.service.bench;

import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the service jar fresh and measures (c) start to ready, (a) the rollout plan's warm-up
 * profile right after readiness (200 requests at 20/s over 5 connections, baseline payload), and
 * (b) saturation: rising fixed rates until p99 passes 30 ms, with the resident memory of the
 * service at each step. (b) measures the service in its steady state, so it starts with a settling
 * run (system property {@code settleSeconds}, default 30 s at 1000/s, reported but not judged) in
 * which the JIT finishes compiling; the cold start is what (a) and (c) measure. Not a test; see
 * benchmarks/http-load.md for how to run it.
 *
 * <p>Arguments: {@code <jar> <seconds per step> <rate,rate,...> [jvm flag ...]}. Without JVM flags
 * it takes the service's container flags from the system property {@code
 * paramkernel.service.jvmFlags} (the value of {@code paramkernel.image.jvmFlags} in the parent POM,
 * as the documented command passes it), and refuses to run without either.
 */
public final class HttpLoadBenchmark {
  private static final Pattern PORT = Pattern.compile("\"event\":\"listening\".*\"port\":(\\d+)");

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int stepSeconds = Integer.parseInt(args[1]);
    int[] rates = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
    List<String> flags =
        args.length > 3
            ? List.of(args).subList(3, args.length)
            : com.kitchencpq.paramkernel.service.http.JvmFlags.container();
    byte[] body = BaselinePayload.request();

    System.out.println(
        "machine: "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs, "
            + cpuModel()
            + ", load average before: "
            + loadAverage());
    System.out.println("service JVM flags: " + String.join(" ", flags));
    System.out.println("payload: baseline, " + body.length + " bytes");
    warmUpTheLoadGenerator(body);

    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(flags);
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("HOST", "127.0.0.1");
    pb.environment().put("PORT", "0");
    pb.environment().put("SHUTDOWN_GRACE_SECONDS", "5");
    pb.environment().put("SHUTDOWN_DRAIN_SECONDS", "0");

    long t0 = System.nanoTime();
    Process service = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
    int port = -1;
    String line;
    while (port < 0 && (line = out.readLine()) != null) {
      Matcher m = PORT.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
      }
    }
    System.out.printf(
        "(c) process start to the listening log line: %d ms%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    List<String> logLines = new ArrayList<>();
    Thread drain =
        new Thread(
            () -> {
              try {
                String l;
                while ((l = out.readLine()) != null) {
                  synchronized (logLines) {
                    logLines.add(l);
                  }
                }
              } catch (IOException e) {
                // ended
              }
            });
    drain.setDaemon(true);
    drain.start();
    try {
      long readyNanos = awaitReady(port, t0);
      System.out.printf(
          "(c) process start to readiness 200: %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(readyNanos - t0));
      Thread.sleep(50);
      synchronized (logLines) {
        logLines.stream()
            .filter(l -> l.contains("\"event\":\"ready\""))
            .forEach(l -> System.out.println("    service log: " + l));
      }

      try (LoadGenerator gen = new LoadGenerator()) {
        LoadGenerator.Result a = gen.run("127.0.0.1", port, body, 20, 200, 5);
        System.out.println(
            "(a) warm-up profile from the first request after readiness: " + a.summary());
        System.out.println("    RSS " + rss(service.pid()));

        int settleSeconds = Integer.getInteger("settleSeconds", 30);
        if (settleSeconds > 0) {
          long cpu0 = cpuMillis(service.pid());
          LoadGenerator.Result settle =
              gen.run("127.0.0.1", port, body, 1000, 1000 * settleSeconds, 16);
          System.out.printf(
              "(b) settling, not judged: %s | service CPU %.0f us/req%n",
              settle.summary(), (cpuMillis(service.pid()) - cpu0) * 1000.0 / settle.requests());
        }
        System.out.println("(b) saturation, " + stepSeconds + " s per step, 16 connections:");
        for (int rate : rates) {
          long cpu0 = cpuMillis(service.pid());
          long own0 = ownCpuMillis();
          LoadGenerator.Result r = gen.run("127.0.0.1", port, body, rate, rate * stepSeconds, 16);
          double serviceCpuMicros = (cpuMillis(service.pid()) - cpu0) * 1000.0 / r.requests();
          double clientCpuMicros = (ownCpuMillis() - own0) * 1000.0 / r.requests();
          System.out.printf(
              "    %s | service CPU %.0f us/req, client CPU %.0f us/req | %s | load %s%n",
              r.summary(), serviceCpuMicros, clientCpuMicros, rss(service.pid()), loadAverage());
          if (LoadGenerator.Result.ms(r.latencyMicros(), 99) > 30 || r.errors() > 0) {
            break;
          }
        }
      }
    } finally {
      long s = System.nanoTime();
      service.toHandle().destroy();
      boolean exited = service.waitFor(30, TimeUnit.SECONDS);
      System.out.printf(
          "SIGTERM: exited %s, code %s, after %d ms%n",
          exited,
          exited ? service.exitValue() : "-",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s));
      if (!exited) {
        service.destroyForcibly();
      }
      System.out.println("load average after: " + loadAverage());
    }
  }

  /**
   * The load generator is a JVM program too: before the service starts, it sends the same requests
   * to a stand-in server in this JVM (answering with the service's own answer to the baseline)
   * until its own code is compiled, so that what (a) measures is the service's start, not the
   * client's. The service sees none of this.
   */
  private static void warmUpTheLoadGenerator(byte[] body) throws Exception {
    byte[] answer = new com.kitchencpq.paramkernel.service.kernel.ApplyDeltaKernel().apply(body);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      HttpServer standIn =
          vertx
              .createHttpServer()
              .requestHandler(
                  req ->
                      req.body()
                          .onComplete(
                              b ->
                                  req.response()
                                      .putHeader("Content-Type", "application/json")
                                      .end(Buffer.buffer(answer))))
              .listen(0, "127.0.0.1")
              .await(10, TimeUnit.SECONDS);
      long t = System.nanoTime();
      try (LoadGenerator gen = new LoadGenerator()) {
        for (int i = 0; i < 4; i++) {
          gen.run("127.0.0.1", standIn.actualPort(), body, 2000, 4000, 16);
        }
      }
      System.out.printf(
          "load generator warmed up against a stand-in server in its own JVM: 16000 requests, %d"
              + " ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Polls readiness every 5 ms (a plain JDK connection per poll, cheap to start). */
  private static long awaitReady(int port, long t0) throws Exception {
    URL ready = URI.create("http://127.0.0.1:" + port + "/healthz/ready").toURL();
    while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(120)) {
      HttpURLConnection c = (HttpURLConnection) ready.openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(2000);
      try {
        int status = c.getResponseCode();
        (status < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes();
        if (status == 200) {
          return System.nanoTime();
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("not ready after 120 s");
  }

  /** User + system CPU time of a process from /proc (clock ticks of 10 ms). */
  static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException e) {
      return 0;
    }
  }

  static long ownCpuMillis() {
    return cpuMillis(ProcessHandle.current().pid());
  }

  static String rss(long pid) {
    try {
      String rss = "?";
      String hwm = "?";
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith("VmRSS:")) {
          rss = l.substring(6).strip();
        } else if (l.startsWith("VmHWM:")) {
          hwm = l.substring(6).strip();
        }
      }
      return "RSS " + rss + " (peak " + hwm + ")";
    } catch (IOException e) {
      return "RSS unknown (" + e + ")";
    }
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }
}
