package com.kitchencpq.paramkernel.plugin.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 request to a registry or its token service, with the JDK's {@code HttpURLConnection}
 * (module {@code java.base}). http and https take the same path; TLS is set up only when the URL is
 * https, so a plain-http registry never loads or initialises any TLS class.
 *
 * <p>What the connection is told, so that it adds nothing of its own:
 *
 * <ul>
 *   <li>redirects are handed back, never followed (a {@code Location} may name another host, which
 *       must not receive the {@code Authorization} header);
 *   <li>an authenticator that knows no password, so a JVM-wide {@link Authenticator} is never asked
 *       and a 401 always comes back to the caller;
 *   <li>no response cache;
 *   <li>proxies as the JVM's default proxy selector says ({@code http.proxyHost}, {@code
 *       https.proxyHost}, {@code http.nonProxyHosts}, ...).
 * </ul>
 *
 * <p>The whole exchange, name lookup included, ends within the timeout: it runs on its own daemon
 * thread, and when the time is up the connection is closed and the thread left behind. Response
 * bodies are read to the end and closed, so the JDK keeps the connection for the next request to
 * the same registry.
 */
final class RegistryHttp {
  /** Time given to a request beyond its connect/read timeout before it is abandoned. */
  private static final long GRACE_MILLIS = 250;

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

  /**
   * @param trustAnyCertificate for https, accept any certificate and host name
   */
  RegistryHttp(boolean trustAnyCertificate) {
    this.trustAnyCertificate = trustAnyCertificate;
  }

  /**
   * Sends one request without a body and waits for its answer.
   *
   * @param authorization the {@code Authorization} header value, or null
   * @throws IOException when no HTTP answer came within the timeout or the connection failed
   */
  Response send(String method, URI uri, String authorization, String accept, Duration timeout)
      throws IOException, InterruptedException {
    return start(method, uri, authorization, accept, timeout).await();
  }

  /**
   * Sends one request without a body on its own thread and returns at once; {@link Pending#await}
   * gives the answer. Everything, down to opening the connection, happens on that thread: on a
   * JVM's first request, loading and initialising the JDK's URL, HTTP, socket (and for https, TLS)
   * classes is most of the time, and a caller that starts a request it is sure to need can do the
   * rest of its set-up meanwhile.
   */
  Pending start(String method, URI uri, String authorization, String accept, Duration timeout) {
    Pending pending = new Pending(method, uri, authorization, accept, timeout, trustAnyCertificate);
    Thread worker = new Thread(pending, "param-kernel-registry-request");
    worker.setDaemon(true);
    worker.start();
    return pending;
  }

  /**
   * A request under way on its worker thread, and then its answer or failure. (A monitor of its own
   * rather than a {@code FutureTask}: this runs once per JVM cold, where every class loaded counts;
   * {@code docs/digest-benchmark.md}, "What changed for these numbers".)
   */
  static final class Pending implements Runnable {
    private final String method;
    private final URI uri;
    private final String authorization;
    private final String accept;
    private final Duration timeout;
    private final int millis;
    private final boolean trustAnyCertificate;
    private final long deadlineNanos;
    private HttpURLConnection connection;
    private boolean abandoned;
    private boolean done;
    private Response response;
    private Throwable failure;

    private Pending(
        String method,
        URI uri,
        String authorization,
        String accept,
        Duration timeout,
        boolean trustAnyCertificate) {
      this.method = method;
      this.uri = uri;
      this.authorization = authorization;
      this.accept = accept;
      this.timeout = timeout;
      this.millis =
          (int) Math.max(1, Math.min(Integer.MAX_VALUE - GRACE_MILLIS, timeout.toMillis()));
      this.trustAnyCertificate = trustAnyCertificate;
      this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis + GRACE_MILLIS);
    }

    /**
     * Waits until the answer is there or the request's time is up (counted from its start); then
     * the connection is closed and the worker thread left behind.
     */
    Response await() throws IOException, InterruptedException {
      boolean finished;
      Throwable failed;
      try {
        synchronized (this) {
          long left;
          while (!done && (left = deadlineNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
          }
          if (done && failure == null) {
            return response;
          }
          finished = done;
          failed = failure;
        }
      } catch (InterruptedException e) {
        abandon();
        throw e;
      }
      if (!finished) {
        abandon();
        throw new IOException("no answer within " + RetryBudget.seconds(timeout));
      }
      if (failed instanceof IOException io) {
        throw io;
      }
      if (failed instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failed instanceof Error error) {
        throw error;
      }
      throw new IOException(String.valueOf(failed), failed);
    }

    /**
     * Gives the request up: closes the connection if it is connected; one still connecting is
     * closed by the worker as soon as it is, before the request is sent.
     */
    synchronized void abandon() {
      abandoned = true;
      if (connection != null) {
        connection.disconnect();
      }
    }

    @Override
    public void run() {
      Response r = null;
      Throwable e = null;
      try {
        r = exchange();
      } catch (Throwable x) { // handed to await(), which rethrows it
        e = x;
      }
      synchronized (this) {
        response = r;
        failure = e;
        done = true;
        notifyAll();
      }
    }

    private synchronized boolean adopt(HttpURLConnection opened) {
      connection = opened;
      return !abandoned;
    }

    /**
     * Whether the caller still waits for the answer. Checked once connected: a connection's {@code
     * disconnect()} does nothing before then, so {@link #abandon} cannot stop it alone.
     */
    private synchronized boolean wanted() {
      return !abandoned;
    }

    private HttpURLConnection open() throws IOException {
      HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
      if (trustAnyCertificate && "https".equalsIgnoreCase(uri.getScheme())) {
        InsecureTls.trustAnyCertificate(c);
      }
      c.setInstanceFollowRedirects(false);
      c.setAuthenticator(NoPasswords.INSTANCE);
      c.setUseCaches(false);
      c.setConnectTimeout(millis);
      c.setReadTimeout(millis);
      c.setRequestMethod(method);
      c.setRequestProperty("Accept", accept);
      c.setRequestProperty("User-Agent", "param-kernel-maven-plugin");
      if (authorization != null) {
        c.setRequestProperty("Authorization", authorization);
      }
      return c;
    }

    private Response exchange() throws IOException {
      HttpURLConnection connection = open();
      if (!adopt(connection)) {
        throw new IOException("request abandoned");
      }
      try {
        try {
          connection.connect();
        } catch (SocketTimeoutException e) {
          throw new ConnectTimeoutException("no connection within " + millis + " ms", e);
        }
        if (!wanted()) {
          throw new IOException("request abandoned");
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

  /**
   * Knows no password, so a JVM-wide {@link Authenticator} is never asked. A class of its own so
   * that it is loaded on the worker thread, with the rest of the JDK's HTTP classes.
   */
  private static final class NoPasswords extends Authenticator {
    static final NoPasswords INSTANCE = new NoPasswords();
  }
}
