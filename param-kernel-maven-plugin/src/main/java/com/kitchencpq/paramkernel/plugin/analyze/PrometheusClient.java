package com.kitchencpq.paramkernel.plugin.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The Prometheus HTTP API the way Argo's provider calls it, through client_golang v1.22.0
 * ({@code api/prometheus/v1/api.go}): {@code POST /api/v1/query} (or {@code /query_range}) with a
 * form body, falling back to GET on 405 or 501 ({@code DoGetFallback}); the whole exchange bounded
 * by the metric's timeout. Errors carry client_golang's wording ({@code Error.Error()} is
 * {@code <type>: <message>}, e.g. {@code bad_data: 1:5: parse error: ...}); a request that gets
 * no answer says so the way Go's HTTP client does ({@code Post "<url>": dial tcp ...: connect:
 * connection refused}, {@code Post "<url>": context deadline exceeded}).
 */
final class PrometheusClient {
  /** What a query returned: the value kind and the samples in Prometheus' order. */
  record QueryValue(Kind kind, List<Double> values) {
    enum Kind { SCALAR, VECTOR, MATRIX }
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

  private final ObjectMapper json = new ObjectMapper();

  /**
   * An instant query at {@code time} ({@code httpAPI.Query}).
   *
   * @param address the provider's address (scheme, host, optional path prefix)
   */
  Answer query(String address, String query, Instant time, Duration timeout, boolean insecure,
      List<MetricSpec.Header> headers) throws QueryFailure, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", query);
    form.put("time", formatTime(time));
    return call(address, "/api/v1/query", form, timeout, insecure, headers);
  }

  /** A range query ({@code httpAPI.QueryRange}); {@code step} in Go's seconds format. */
  Answer queryRange(String address, String query, Instant start, Instant end, Duration step, Duration timeout,
      boolean insecure, List<MetricSpec.Header> headers) throws QueryFailure, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", query);
    form.put("start", formatTime(start));
    form.put("end", formatTime(end));
    form.put("step", GoText.formatFloat(step.toNanos() / 1e9));
    return call(address, "/api/v1/query_range", form, timeout, insecure, headers);
  }

  /** {@code formatTime}: Unix seconds with the fraction, {@code strconv.FormatFloat(..., 'f', -1, 64)}. */
  static String formatTime(Instant t) {
    return GoText.formatFloat(t.getEpochSecond() + t.getNano() / 1e9);
  }

  /**
   * {@code IsUrl} of {@code metricproviders/prometheus/prometheus.go}: the address parses as a
   * URL with a scheme and a host.
   */
  static boolean isUrl(String address) {
    try {
      URI u = new URI(address);
      return u.getScheme() != null && u.getRawAuthority() != null && !u.getRawAuthority().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private Answer call(String address, String endpoint, Map<String, String> form, Duration timeout, boolean insecure,
      List<MetricSpec.Header> headers) throws QueryFailure, InterruptedException {
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
    StringBuilder sb = new StringBuilder().append(u.getScheme()).append("://").append(u.getRawAuthority())
        .append(path).append(endpoint);
    if (u.getRawQuery() != null) {
      sb.append('?').append(u.getRawQuery());
    }
    return sb.toString();
  }

  private static String encode(Map<String, String> form) {
    // Go's url.Values.Encode sorts by key
    StringBuilder sb = new StringBuilder();
    form.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    });
    return sb.toString();
  }

  private record Response(int code, byte[] body) {}

  private Response exchange(String method, String url, String body, long deadline, boolean insecure,
      List<MetricSpec.Header> headers) throws QueryFailure, InterruptedException {
    String shown = method.charAt(0) + method.substring(1).toLowerCase(java.util.Locale.ROOT) + " \"" + url + "\"";
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
      String reason = e.getMessage() == null ? "connection refused"
          : e.getMessage().toLowerCase(java.util.Locale.ROOT).replaceAll(" \\(.*\\)$", "");
      throw new QueryFailure(shown + ": dial tcp " + hostPort(url) + ": connect: " + reason, true);
    } catch (UnknownHostException e) {
      throw new QueryFailure(shown + ": dial tcp: lookup " + URI.create(url).getHost() + ": no such host", true);
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
      ctx.init(null, new TrustManager[] {new X509TrustManager() {
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
      }}, new SecureRandom());
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS without verification: " + e.getMessage(), e);
    }
  }

  /**
   * {@code apiClientImpl.Do} and {@code queryResult.UnmarshalJSON}: a status other than 2xx,
   * 400 or 422 is {@code client_error: client error: <code>} / {@code server_error: server
   * error: <code>}; a body that is not the API's JSON is {@code bad_response}; {@code "status":
   * "error"} is {@code <errorType>: <error>}; then the result by its {@code resultType} (a
   * {@code string} result is {@code unexpected value type "string"}).
   */
  private Answer parse(Response r) throws QueryFailure {
    boolean apiError = r.code == 400 || r.code == 422;
    if (r.code / 100 != 2 && !apiError) {
      String type = switch (r.code / 100) {
        case 4 -> "client_error: client error: " + r.code;
        case 5 -> "server_error: server error: " + r.code;
        default -> "bad_response: bad response code " + r.code;
      };
      throw new QueryFailure(type, false);
    }
    JsonNode root;
    try {
      root = r.code == 204 ? json.createObjectNode() : json.readTree(r.body);
    } catch (JsonProcessingException e) {
      throw new QueryFailure("bad_response: " + e.getOriginalMessage(), false);
    } catch (IOException e) {
      throw new QueryFailure("bad_response: " + e.getMessage(), false);
    }
    if (root == null || !root.isObject()) {
      throw new QueryFailure("bad_response: the answer is not a JSON object", false);
    }
    String status = root.path("status").asText("");
    List<String> warnings = new ArrayList<>();
    root.path("warnings").forEach(w -> warnings.add(w.asText()));
    if (apiError && status.equals("success")) {
      throw new QueryFailure("bad_response: inconsistent body for response code", false);
    }
    if (status.equals("error")) {
      throw new QueryFailure(root.path("errorType").asText("") + ": " + root.path("error").asText(""), false);
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asText("");
    JsonNode result = data.path("result");
    List<Double> values = new ArrayList<>();
    switch (type) {
      case "scalar":
        values.add(sampleValue(result));
        return new Answer(new QueryValue(QueryValue.Kind.SCALAR, values), warnings);
      case "vector":
        for (JsonNode sample : result) {
          // a native-histogram sample has "histogram" instead of "value"; its model.Sample
          // Value stays 0, and that 0 is what Argo's processResponse reads
          values.add(sample.has("value") ? sampleValue(sample.get("value")) : 0.0);
        }
        return new Answer(new QueryValue(QueryValue.Kind.VECTOR, values), warnings);
      case "matrix":
        for (JsonNode series : result) {
          for (JsonNode pair : series.path("values")) {
            values.add(sampleValue(pair));
          }
        }
        return new Answer(new QueryValue(QueryValue.Kind.MATRIX, values), warnings);
      case "string":
        throw new QueryFailure("unexpected value type \"string\"", false);
      default:
        throw new QueryFailure("unknown value type " + GoText.quote(type), false);
    }
  }

  private static double sampleValue(JsonNode pair) throws QueryFailure {
    JsonNode v = pair.path(1);
    if (!v.isTextual()) {
      throw new QueryFailure("sample value must be a quoted string", false);
    }
    try {
      return GoText.parseFloat(v.asText());
    } catch (NumberFormatException e) {
      throw new QueryFailure(e.getMessage(), false);
    }
  }
}
