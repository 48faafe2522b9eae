package com.kitchencpq.paramkernel.plugin.digest;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP/1.1 request to a registry or its token service, with the JDK's
 * {@code HttpURLConnection} (module {@code java.base}). http and https take the same path; TLS
 * is set up only when the URL is https, so a plain-http registry never loads or initialises
 * any TLS class.
 *
 * <p>What the connection is told, so that it adds nothing of its own:
 * <ul>
 *   <li>redirects are handed back, never followed (a {@code Location} may name another host,
 *       which must not receive the {@code Authorization} header);
 *   <li>an authenticator that knows no password, so a JVM-wide {@link Authenticator} is never
 *       asked and a 401 always comes back to the caller;
 *   <li>no response cache;
 *   <li>proxies as the JVM's default proxy selector says ({@code http.proxyHost},
 *       {@code https.proxyHost}, {@code http.nonProxyHosts}, ...).
 * </ul>
 *
 * <p>The whole exchange, name lookup included, ends within the timeout: it runs on its own
 * daemon thread, and when the time is up the connection is closed and the thread left behind.
 * Response bodies are read to the end and closed, so the JDK keeps the connection for the next
 * request to the same registry.
 */
final class RegistryHttp {
  /** Time given to a request beyond its connect/read timeout before it is abandoned. */
  private static final long GRACE_MILLIS = 250;

  private static final Authenticator NO_PASSWORDS = new Authenticator() {};

  /** A response: status, headers by lower-case name in arrival order, and the body. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    Optional<String> firstHeader(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  /** TCP connect (or, for https, the TLS handshake) did not finish within the timeout. */
  static final class ConnectTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    ConnectTimeoutException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final boolean trustAnyCertificate;

  /** @param trustAnyCertificate for https, accept any certificate and host name */
  RegistryHttp(boolean trustAnyCertificate) {
    this.trustAnyCertificate = trustAnyCertificate;
  }

  /**
   * Sends one request without a body.
   *
   * @param authorization the {@code Authorization} header value, or null
   * @throws IOException when no HTTP answer came within the timeout or the connection failed
   */
  Response send(String method, URI uri, String authorization, String accept, Duration timeout)
      throws IOException, InterruptedException {
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE - GRACE_MILLIS, timeout.toMillis()));
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    if (trustAnyCertificate && "https".equalsIgnoreCase(uri.getScheme())) {
      InsecureTls.trustAnyCertificate(connection);
    }
    connection.setInstanceFollowRedirects(false);
    connection.setAuthenticator(NO_PASSWORDS);
    connection.setUseCaches(false);
    connection.setConnectTimeout(millis);
    connection.setReadTimeout(millis);
    connection.setRequestMethod(method);
    connection.setRequestProperty("Accept", accept);
    connection.setRequestProperty("User-Agent", "param-kernel-maven-plugin");
    if (authorization != null) {
      connection.setRequestProperty("Authorization", authorization);
    }
    FutureTask<Response> task = new FutureTask<>(new Exchange(connection, method, millis));
    Thread worker = new Thread(task, "param-kernel-registry-request");
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(millis + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abandon(task, connection);
      throw new IOException("no answer within " + RetryBudget.seconds(timeout), e);
    } catch (InterruptedException e) {
      abandon(task, connection);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(String.valueOf(cause), cause);
    }
  }

  /**
   * Starts, on a daemon thread, the work the first request in a JVM would otherwise do itself:
   * loading and initialising the JDK's URL, HTTP, proxy and socket classes, the TLS set-up
   * when the first connection will be https, and looking up the host's address. On a JVM's
   * first resolution that is most of the time, and the caller has its own set-up to do
   * meanwhile. Sends nothing; every failure is left for the real request to meet and report.
   */
  static void prepare(String host, boolean https, boolean trustAnyCertificate) {
    Thread thread = new Thread(new Preparation(host, https, trustAnyCertificate),
        "param-kernel-registry-prepare");
    thread.setDaemon(true);
    thread.start();
  }

  private static final class Preparation implements Runnable {
    private final String host;
    private final boolean https;
    private final boolean trustAnyCertificate;

    Preparation(String host, boolean https, boolean trustAnyCertificate) {
      this.host = host;
      this.https = https;
      this.trustAnyCertificate = trustAnyCertificate;
    }

    @Override
    public void run() {
      try {
        URI uri = new URI(https ? "https" : "http", host, "/v2/", null);
        HttpURLConnection unused = (HttpURLConnection) uri.toURL().openConnection();
        unused.setAuthenticator(NO_PASSWORDS);
        new Socket().close();
        if (https) {
          InsecureTls.prepare(trustAnyCertificate);
        }
        InetAddress.getByName(host);
      } catch (IOException | URISyntaxException | RuntimeException e) {
        // the request itself will meet this and say what went wrong
      }
    }
  }

  private static void abandon(FutureTask<Response> task, HttpURLConnection connection) {
    task.cancel(true);
    connection.disconnect();
  }

  /** The blocking part, run on the worker thread. */
  private static final class Exchange implements Callable<Response> {
    private final HttpURLConnection connection;
    private final String method;
    private final int millis;

    Exchange(HttpURLConnection connection, String method, int millis) {
      this.connection = connection;
      this.method = method;
      this.millis = millis;
    }

    @Override
    public Response call() throws IOException {
      try {
        try {
          connection.connect();
        } catch (SocketTimeoutException e) {
          throw new ConnectTimeoutException("no connection within " + millis + " ms", e);
        }
        int status = connection.getResponseCode();
        if (status < 0) {
          throw new IOException("the answer is not HTTP");
        }
        Map<String, List<String>> headers = headers(connection);
        byte[] body = body(connection, status);
        return new Response(status, headers, body);
      } catch (IOException | RuntimeException e) {
        connection.disconnect();
        throw e;
      }
    }

    private static Map<String, List<String>> headers(HttpURLConnection connection) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      // Index 0 is the status line; by index the fields come in the order they were sent.
      for (int i = 0; ; i++) {
        String value = connection.getHeaderField(i);
        if (value == null) {
          return headers;
        }
        String name = connection.getHeaderFieldKey(i);
        if (name != null) {
          String key = name.toLowerCase(Locale.ROOT);
          List<String> values = headers.get(key);
          if (values == null) {
            values = new ArrayList<>(1);
            headers.put(key, values);
          }
          values.add(value);
        }
      }
    }

    /** Reads the body to the end (the error body for 4xx/5xx) and closes it. */
    private byte[] body(HttpURLConnection connection, int status) throws IOException {
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      if (in == null) {
        return new byte[0];
      }
      try (in) {
        return "HEAD".equals(method) ? new byte[0] : in.readAllBytes();
      }
    }
  }
}
