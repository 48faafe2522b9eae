package com.kitchencpq.paramkernel.plugin.analyze;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The Prometheus HTTP API the way Argo's provider calls it, through client_golang v1.22.0 ({@code
 * api/prometheus/v1/api.go}): {@code POST /api/v1/query} (or {@code /query_range}) with a form
 * body, falling back to GET on 405 or 501 ({@code DoGetFallback}); the whole exchange bounded by
 * the metric's timeout. Errors carry client_golang's wording ({@code Error.Error()} is {@code
 * <type>: <message>}, e.g. {@code bad_data: 1:5: parse error: ...}); a request that gets no answer
 * says so the way Go's HTTP client does ({@code Post "<url>": dial tcp ...: connect: connection
 * refused}, {@code Post "<url>": context deadline exceeded}).
 */
final class PrometheusClient {
  /** What a query returned: the value kind and the samples in Prometheus' order. */
  record QueryValue(Kind kind, List<Double> values) {
    enum Kind {
      SCALAR,
      VECTOR,
      MATRIX
    }
  }

  /** A query that failed; {@code unreachable} when no HTTP answer came at all. */
  static final class QueryFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean unreachable;

    QueryFailure(String message, boolean unreachable) {
      super(message);
      this.unreachable = unreachable;
    }

    boolean unreachable() {
      return unreachable;
    }
  }

  /** What the API answered: the value and its warnings. */
  record Answer(QueryValue value, List<String> warnings) {}

  /**
   * jackson-core's streaming parser: the answer is read into maps and lists. Not databind: its
   * classes made the goal's first run slower ({@code docs/analyze-benchmark.md}, "What changed",
   * measured with the command under "Command" there).
   */
  private final JsonFactory json = new JsonFactory();

  /**
   * An instant query at {@code time} ({@code httpAPI.Query}).
   *
   * @param address the provider's address (scheme, host, optional path prefix)
   */
  Answer query(
      String address,
      String query,
      Instant time,
      Duration timeout,
      boolean insecure,
      List<MetricSpec.Header> headers)
      throws QueryFailure, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", query);
    form.put("time", formatTime(time));
    return call(address, "/api/v1/query", form, timeout, insecure, headers);
  }

  /** A range query ({@code httpAPI.QueryRange}); {@code step} in Go's seconds format. */
  Answer queryRange(
      String address,
      String query,
      Instant start,
      Instant end,
      Duration step,
      Duration timeout,
      boolean insecure,
      List<MetricSpec.Header> headers)
      throws QueryFailure, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", query);
    form.put("start", formatTime(start));
    form.put("end", formatTime(end));
    form.put("step", GoText.formatFloat(step.toNanos() / 1e9));
    return call(address, "/api/v1/query_range", form, timeout, insecure, headers);
  }

  /**
   * {@code formatTime}: Unix seconds with the fraction, {@code strconv.FormatFloat(..., 'f', -1,
   * 64)}.
   */
  static String formatTime(Instant t) {
    return GoText.formatFloat(t.getEpochSecond() + t.getNano() / 1e9);
  }

  /**
   * {@code IsUrl} of {@code metricproviders/prometheus/prometheus.go}: the address parses as a URL
   * with a scheme and a host.
   */
  static boolean isUrl(String address) {
    try {
      URI u = new URI(address);
      return u.getScheme() != null && u.getRawAuthority() != null && !u.getRawAuthority().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private Answer call(
      String address,
      String endpoint,
      Map<String, String> form,
      Duration timeout,
      boolean insecure,
      List<MetricSpec.Header> headers)
      throws QueryFailure, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String url = endpointUrl(address, endpoint);
    String encoded = encode(form);
    Response r = exchange("POST", url, encoded, deadline, insecure, headers);
    if (r.code == 405 || r.code == 501) {
      String getUrl = url + (url.contains("?") ? "&" : "?") + encoded;
      r = exchange("GET", getUrl, null, deadline, insecure, headers);
    }
    return parse(r);
  }

  /** The API URL: the address with its path's trailing slashes removed, then the endpoint. */
  static String endpointUrl(String address, String endpoint) {
    URI u = URI.create(address);
    String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
    StringBuilder sb =
        new StringBuilder()
            .append(u.getScheme())
            .append("://")
            .append(u.getRawAuthority())
            .append(path)
            .append(endpoint);
    if (u.getRawQuery() != null) {
      sb.append('?').append(u.getRawQuery());
    }
    return sb.toString();
  }

  private static String encode(Map<String, String> form) {
    // Go's url.Values.Encode sorts by key
    StringBuilder sb = new StringBuilder();
    form.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              if (sb.length() > 0) {
                sb.append('&');
              }
              sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                  .append('=')
                  .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            });
    return sb.toString();
  }

  private record Response(int code, byte[] body) {}

  private Response exchange(
      String method,
      String url,
      String body,
      long deadline,
      boolean insecure,
      List<MetricSpec.Header> headers)
      throws QueryFailure, InterruptedException {
    String shown =
        method.charAt(0)
            + method.substring(1).toLowerCase(java.util.Locale.ROOT)
            + " \""
            + url
            + "\"";
    HttpURLConnection conn = null;
    try {
      conn = (HttpURLConnection) new URL(url).openConnection();
      if (insecure && conn instanceof HttpsURLConnection https) {
        https.setSSLSocketFactory(trustAll());
        https.setHostnameVerifier((host, session) -> true);
      }
      conn.setInstanceFollowRedirects(true);
      conn.setUseCaches(false);
      conn.setConnectTimeout(remainingMillis(deadline, shown));
      conn.setReadTimeout(remainingMillis(deadline, shown));
      conn.setRequestMethod(method);
      for (MetricSpec.Header h : headers) {
        conn.setRequestProperty(h.key(), h.value());
      }
      if (body != null) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        conn.setDoOutput(true);
        conn.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        conn.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = conn.getOutputStream()) {
          out.write(bytes);
        }
      }
      conn.setReadTimeout(remainingMillis(deadline, shown));
      int code = conn.getResponseCode();
      InputStream in = code >= 400 ? conn.getErrorStream() : conn.getInputStream();
      byte[] answer = in == null ? new byte[0] : readAll(in, deadline, conn, shown);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      return new Response(code, answer);
    } catch (SocketTimeoutException e) {
      throw new QueryFailure(shown + ": context deadline exceeded", true);
    } catch (ConnectException | NoRouteToHostException e) {
      String reason =
          e.getMessage() == null
              ? "connection refused"
              : e.getMessage().toLowerCase(java.util.Locale.ROOT).replaceAll(" \\(.*\\)$", "");
      throw new QueryFailure(shown + ": dial tcp " + hostPort(url) + ": connect: " + reason, true);
    } catch (UnknownHostException e) {
      throw new QueryFailure(
          shown + ": dial tcp: lookup " + URI.create(url).getHost() + ": no such host", true);
    } catch (SSLException e) {
      throw new QueryFailure(shown + ": tls: " + e.getMessage(), true);
    } catch (IOException e) {
      throw new QueryFailure(shown + ": " + e.getMessage(), true);
    } finally {
      if (conn != null) {
        conn.disconnect();
      }
    }
  }

  private static int remainingMillis(long deadline, String shown) throws SocketTimeoutException {
    long ms = (deadline - System.nanoTime()) / 1_000_000;
    if (ms <= 0) {
      throw new SocketTimeoutException(shown);
    }
    return (int) Math.min(Integer.MAX_VALUE, ms);
  }

  private static byte[] readAll(InputStream in, long deadline, HttpURLConnection conn, String shown)
      throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        conn.setReadTimeout(remainingMillis(deadline, shown));
      }
      return out.toByteArray();
    }
  }

  private static String hostPort(String url) {
    URI u = URI.create(url);
    int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    return u.getHost() + ":" + port;
  }

  private static javax.net.ssl.SSLSocketFactory trustAll() throws IOException {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(
          null,
          new TrustManager[] {
            new X509TrustManager() {
              @Override
              public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // insecure: true in the metric asks for no verification
              }

              @Override
              public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // insecure: true in the metric asks for no verification
              }

              @Override
              public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
              }
            }
          },
          new SecureRandom());
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS without verification: " + e.getMessage(), e);
    }
  }

  /**
   * {@code apiClientImpl.Do} and {@code queryResult.UnmarshalJSON}: a status other than 2xx, 400 or
   * 422 is {@code client_error: client error: <code>} / {@code server_error: server error: <code>};
   * a body that is not the API's JSON is {@code bad_response}; {@code "status": "error"} is {@code
   * <errorType>: <error>}; then the result by its {@code resultType} (a {@code string} result is
   * {@code unexpected value type "string"}).
   */
  private Answer parse(Response r) throws QueryFailure {
    boolean apiError = r.code == 400 || r.code == 422;
    if (r.code / 100 != 2 && !apiError) {
      String type =
          switch (r.code / 100) {
            case 4 -> "client_error: client error: " + r.code;
            case 5 -> "server_error: server error: " + r.code;
            default -> "bad_response: bad response code " + r.code;
          };
      throw new QueryFailure(type, false);
    }
    Object parsed;
    try {
      parsed = r.code == 204 ? Map.of() : read(r.body);
    } catch (JsonProcessingException e) {
      throw new QueryFailure("bad_response: " + e.getOriginalMessage(), false);
    } catch (IOException e) {
      throw new QueryFailure("bad_response: " + e.getMessage(), false);
    }
    if (!(parsed instanceof Map<?, ?> root)) {
      throw new QueryFailure("bad_response: the answer is not a JSON object", false);
    }
    String status = text(root.get("status"));
    List<String> warnings = new ArrayList<>();
    if (root.get("warnings") instanceof List<?> ws) {
      ws.forEach(w -> warnings.add(text(w)));
    }
    if (apiError && status.equals("success")) {
      throw new QueryFailure("bad_response: inconsistent body for response code", false);
    }
    if (status.equals("error")) {
      throw new QueryFailure(text(root.get("errorType")) + ": " + text(root.get("error")), false);
    }
    Map<?, ?> data = root.get("data") instanceof Map<?, ?> d ? d : Map.of();
    String type = text(data.get("resultType"));
    Object result = data.get("result");
    List<?> items = result instanceof List<?> l ? l : List.of();
    List<Double> values = new ArrayList<>();
    switch (type) {
      case "scalar":
        values.add(sampleValue(result));
        return new Answer(new QueryValue(QueryValue.Kind.SCALAR, values), warnings);
      case "vector":
        for (Object sample : items) {
          // a native-histogram sample has "histogram" instead of "value"; its model.Sample
          // Value stays 0, and that 0 is what Argo's processResponse reads
          Object value = sample instanceof Map<?, ?> m ? m.get("value") : null;
          values.add(value != null ? sampleValue(value) : 0.0);
        }
        return new Answer(new QueryValue(QueryValue.Kind.VECTOR, values), warnings);
      case "matrix":
        for (Object series : items) {
          Object pairs = series instanceof Map<?, ?> m ? m.get("values") : null;
          if (pairs instanceof List<?> list) {
            for (Object pair : list) {
              values.add(sampleValue(pair));
            }
          }
        }
        return new Answer(new QueryValue(QueryValue.Kind.MATRIX, values), warnings);
      case "string":
        throw new QueryFailure("unexpected value type \"string\"", false);
      default:
        throw new QueryFailure("unknown value type " + GoText.quote(type), false);
    }
  }

  /** The JSON document as maps, lists, strings, numbers, booleans and null. */
  private Object read(byte[] body) throws IOException {
    try (JsonParser p = json.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        // encoding/json's message for an empty body
        throw new IOException("unexpected end of JSON input");
      }
      return value(p, first);
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        {
          Map<String, Object> m = new java.util.LinkedHashMap<>();
          for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
            String name = p.currentName();
            m.put(name, value(p, p.nextToken()));
          }
          return m;
        }
      case START_ARRAY:
        {
          List<Object> l = new ArrayList<>();
          for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
            l.add(value(p, v));
          }
          return l;
        }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  private static double sampleValue(Object pair) throws QueryFailure {
    Object v = pair instanceof List<?> l && l.size() > 1 ? l.get(1) : null;
    if (!(v instanceof String s)) {
      throw new QueryFailure("sample value must be a quoted string", false);
    }
    try {
      return GoText.parseFloat(s);
    } catch (NumberFormatException e) {
      throw new QueryFailure(e.getMessage(), false);
    }
  }
}
