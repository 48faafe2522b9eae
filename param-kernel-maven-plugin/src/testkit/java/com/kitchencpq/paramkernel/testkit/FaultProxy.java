package com.kitchencpq.paramkernel.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A reverse proxy on a free 127.0.0.1 port that forwards to an upstream registry and injects faults
 * chosen by the test: an HTTP status with headers and body (429 with Retry-After, 500, 503, a 404
 * with a non-standard error code), or a delay before forwarding. Rules are checked in the order
 * they were added; a rule with a count applies that many times, then retires. Every request is
 * recorded (method, path, status, time) so tests can assert on retries.
 *
 * <p>Repeated request headers (several {@code Accept} lines) are forwarded one by one, never
 * merged, because merging changes what a registry answers.
 */
public final class FaultProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "expect",
          "upgrade",
          "keep-alive",
          "te",
          "trailer",
          "proxy-connection",
          "date");

  /** What the proxy does instead of (or before) forwarding. */
  public record Fault(int status, Map<String, String> headers, String body, Duration delay) {
    /** Answer with this status and an empty body. */
    public static Fault status(int status) {
      return new Fault(status, Map.of(), "", Duration.ZERO);
    }

    /** 429 with {@code Retry-After: <seconds>}. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
      return new Fault(
          429,
          Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
          "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}",
          Duration.ZERO);
    }

    /** 404 with a registry error body carrying this code (for example NAME_UNKNOWN). */
    public static Fault notFoundWithCode(String code) {
      return new Fault(
          404,
          Map.of("Content-Type", "application/json"),
          "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"not here\"}]}",
          Duration.ZERO);
    }

    /** Wait, then forward the request as usual. */
    public static Fault delay(Duration delay) {
      return new Fault(0, Map.of(), "", delay);
    }

    public Fault withHeader(String name, String value) {
      Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Fault(status, Map.copyOf(copy), body, delay);
    }

    public Fault withBody(String newBody) {
      return new Fault(status, headers, newBody, delay);
    }

    boolean forwards() {
      return status == 0;
    }
  }

  /** One request as the proxy saw it. */
  public record Exchange(String method, String path, int status, long atNanos, boolean injected) {}

  private static final class Rule {
    final String method;
    final Predicate<String> path;
    final Fault fault;
    int remaining;

    Rule(String method, Predicate<String> path, Fault fault, int times) {
      this.method = method;
      this.path = path;
      this.fault = fault;
      this.remaining = times;
    }
  }

  private volatile String tokenUser;
  private volatile String tokenPassword;
  private volatile boolean bearerRequired;
  private final String token = "tok-" + java.util.UUID.randomUUID();
  private final URI upstream;
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client;
  private final List<Rule> rules = new ArrayList<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  private FaultProxy(URI upstream) {
    this.upstream = upstream;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the fault proxy on 127.0.0.1", e);
    }
    this.executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "fault-proxy");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A proxy in front of {@code http://<hostPort>}. */
  public static FaultProxy inFrontOf(String upstreamHostPort) {
    return new FaultProxy(URI.create("http://" + upstreamHostPort));
  }

  public static FaultProxy inFrontOf(LocalRegistry registry) {
    return inFrontOf(registry.hostPort());
  }

  /** {@code 127.0.0.1:<port>} of the proxy, to use as the registry part of an image reference. */
  public String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Puts the registry behind Bearer token authentication, the way ghcr.io and Docker Hub do it:
   * {@code /v2/} requests without the token get a 401 challenge naming this proxy's {@code /token}
   * endpoint, which hands out the token for basic credentials (or anonymously when {@code username}
   * is null).
   */
  public FaultProxy requireBearerToken(String username, String password) {
    this.tokenUser = username;
    this.tokenPassword = password;
    this.bearerRequired = true;
    return this;
  }

  /** Applies the fault to every request whose path contains the fragment. */
  public FaultProxy always(String pathFragment, Fault fault) {
    return add(null, pathFragment, fault, Integer.MAX_VALUE);
  }

  /** Applies the fault to the next {@code times} requests whose path contains the fragment. */
  public FaultProxy times(int times, String pathFragment, Fault fault) {
    return add(null, pathFragment, fault, times);
  }

  /** Like {@link #times} but only for one HTTP method (for example HEAD). */
  public FaultProxy times(int times, String method, String pathFragment, Fault fault) {
    return add(method, pathFragment, fault, times);
  }

  private synchronized FaultProxy add(String method, String fragment, Fault fault, int times) {
    rules.add(new Rule(method, p -> p.contains(fragment), fault, times));
    return this;
  }

  /** Drops all rules and the request record. */
  public synchronized void reset() {
    rules.clear();
    exchanges.clear();
  }

  /** Every request seen so far, in arrival order. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Requests whose path contains the fragment. */
  public List<Exchange> exchanges(String pathFragment) {
    return exchanges.stream().filter(e -> e.path().contains(pathFragment)).toList();
  }

  private synchronized Fault pick(String method, String path) {
    for (Rule rule : rules) {
      if (rule.remaining > 0
          && (rule.method == null || rule.method.equalsIgnoreCase(method))
          && rule.path.test(path)) {
        rule.remaining--;
        return rule.fault;
      }
    }
    return null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    long at = System.nanoTime();
    String method = exchange.getRequestMethod();
    String pathAndQuery =
        exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null
                ? ""
                : "?" + exchange.getRequestURI().getRawQuery());
    try (exchange) {
      if (bearerRequired && handleBearer(exchange, method, pathAndQuery, at)) {
        return;
      }
      Fault fault = pick(method, pathAndQuery);
      if (fault != null && !fault.delay().isZero()) {
        sleep(fault.delay());
      }
      if (fault != null && !fault.forwards()) {
        exchanges.add(new Exchange(method, pathAndQuery, fault.status(), at, true));
        answer(
            exchange,
            fault.status(),
            fault.headers(),
            fault.body().getBytes(StandardCharsets.UTF_8));
        return;
      }
      HttpResponse<byte[]> response;
      try {
        response = forward(exchange, method, pathAndQuery);
      } catch (IOException e) {
        exchanges.add(new Exchange(method, pathAndQuery, 502, at, true));
        answer(exchange, 502, Map.of(), ("upstream failed: " + e).getBytes(StandardCharsets.UTF_8));
        return;
      }
      exchanges.add(new Exchange(method, pathAndQuery, response.statusCode(), at, false));
      Headers out = exchange.getResponseHeaders();
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(v -> out.add(name, v));
                }
              });
      boolean head = "HEAD".equalsIgnoreCase(method);
      if (head) {
        response
            .headers()
            .firstValue("Content-Length")
            .ifPresent(v -> out.set("Content-Length", v));
      }
      writeBody(exchange, response.statusCode(), head ? new byte[0] : response.body(), head);
    }
  }

  /** Answers token requests and unauthenticated registry requests; false = go on as usual. */
  private boolean handleBearer(HttpExchange exchange, String method, String path, long at)
      throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (path.startsWith("/token")) {
      boolean ok =
          tokenUser == null
              || ("Basic "
                      + java.util.Base64.getEncoder()
                          .encodeToString(
                              (tokenUser + ":" + tokenPassword).getBytes(StandardCharsets.UTF_8)))
                  .equals(auth);
      exchanges.add(new Exchange(method, path, ok ? 200 : 401, at, true));
      answer(
          exchange,
          ok ? 200 : 401,
          Map.of("Content-Type", "application/json"),
          (ok
                  ? "{\"token\":\"" + token + "\",\"expires_in\":300}"
                  : "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}")
              .getBytes(StandardCharsets.UTF_8));
      return true;
    }
    if (path.startsWith("/v2/") && !("Bearer " + token).equals(auth)) {
      exchanges.add(new Exchange(method, path, 401, at, true));
      String[] parts = path.split("/");
      String scope =
          parts.length > 4
              ? "repository:"
                  + path.substring(
                      4,
                      path.indexOf("/manifests/") > 0 ? path.indexOf("/manifests/") : path.length())
                  + ":pull"
              : "";
      answer(
          exchange,
          401,
          Map.of(
              "WWW-Authenticate",
              "Bearer realm=\"http://"
                  + hostPort()
                  + "/token\",service=\"fault-proxy\""
                  + (scope.isEmpty() ? "" : ",scope=\"" + scope + "\""),
              "Content-Type",
              "application/json"),
          "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(StandardCharsets.UTF_8));
      return true;
    }
    return false;
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, String method, String pathAndQuery)
      throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(upstream.resolve(pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body.length == 0
                        && !"PUT".equals(method)
                        && !"POST".equals(method)
                        && !"PATCH".equals(method)
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void answer(
      HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    writeBody(exchange, status, head ? new byte[0] : body, head);
  }

  private static void writeBody(HttpExchange exchange, int status, byte[] body, boolean head)
      throws IOException {
    if (head || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
