package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaKernel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The HTTP service started in this JVM on a free 127.0.0.1 port, with a plain HTTP client. */
final class RunningService implements AutoCloseable {
  final ApplyDeltaServer server;
  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private RunningService(ApplyDeltaServer server) {
    this.server = server;
  }

  /** The real kernel. */
  static KernelFunction realKernel() {
    return KernelFunction.of(new ApplyDeltaKernel());
  }

  /** Started and marked ready (no warm-up), with the real kernel. */
  static RunningService ready(Map<String, String> env) {
    RunningService s = started(realKernel(), env);
    s.server.markReady();
    return s;
  }

  /** Listening but not ready. */
  static RunningService started(KernelFunction kernel, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent(ServiceConfig.HOST, "127.0.0.1");
    all.putIfAbsent(ServiceConfig.PORT, "0");
    try {
      return new RunningService(ApplyDeltaServer.start(ServiceConfig.fromEnv(all), kernel));
    } catch (ServiceConfig.InvalidConfigException e) {
      throw new IllegalArgumentException(e);
    }
  }

  int port() {
    return server.port();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  HttpResponse<String> postJson(byte[] body) {
    return post(Routes.APPLY_DELTA, "application/json", body);
  }

  @Override
  public void close() {
    server.close();
  }
}
