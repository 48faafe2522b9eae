package com.kitchencpq.paramkernel.service.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads one evidence file to an object store through a pre-signed URL (S3's query-string
 * authentication, or any store that accepts a plain HTTP PUT to a URL it handed out): one PUT with
 * the bytes, nothing else, so no SDK and no credentials in the job.
 *
 * <p>The URL's query string is its signature, a secret while it is valid: messages show the URL
 * without it ({@link Redaction}). Only {@code https} URLs are accepted, and {@code http} only to a
 * loopback address (a port-forward, a test), so that the signature never crosses a network in the
 * clear. A 5xx answer or a broken connection is tried twice more (S3 asks clients to retry those);
 * a 4xx answer (expired or wrong signature, no such bucket) fails at once. All attempts end by a
 * deadline the caller gives, so that a store that hangs cannot hold the Job past its own deadline.
 */
public final class PresignedUpload {
  private static final int ATTEMPTS = 3;
  private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
  private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]{1,300})</Message>");

  private final Duration timeout;
  private final Duration backoff;

  /** Why an upload did not succeed; the message never holds the URL's query string. */
  public static final class UploadException extends Exception {
    private static final long serialVersionUID = 1L;

    UploadException(String message) {
      super(message);
    }
  }

  /**
   * @param timeout for connecting and for reading the answer, each
   */
  public PresignedUpload(Duration timeout, Duration backoff) {
    this.timeout = timeout;
    this.backoff = backoff;
  }

  /** The job's settings: 10 s per step, half a second before the second attempt. */
  public static PresignedUpload standard() {
    return new PresignedUpload(Duration.ofSeconds(10), Duration.ofMillis(500));
  }

  /**
   * Checks that {@code text} is a URL this class will PUT to: https, or http to a loopback address;
   * {@code option} is named in the message.
   */
  public static URI checkUrl(String option, String text) throws WarmupOptions.UsageException {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new WarmupOptions.UsageException(
          option, "is not a URL (" + Redaction.displayRaw(text) + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null
        || !scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
      throw new WarmupOptions.UsageException(
          option,
          "must be a pre-signed https URL (http only to"
              + " a loopback address), got "
              + Redaction.displayRaw(text));
    }
    return uri;
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only address literals: a name is not resolved here (it could resolve anywhere later).
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * PUTs {@code body} to {@code url} with {@code contentType}; returns the HTTP status (2xx).
   *
   * @param deadlineNanos {@link System#nanoTime()} by which the last attempt must be over
   */
  public int put(URI url, byte[] body, String contentType, long deadlineNanos)
      throws UploadException, InterruptedException {
    String shown = Redaction.display(url);
    String last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        Thread.sleep(backoff.toMillis() * (attempt - 1));
      }
      long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
      if (leftMillis < 1) {
        last = (last == null ? "" : last + "; then ") + "the time for uploads was up";
        break;
      }
      // connecting and reading each get at most half of what is left
      int stepMillis = (int) Math.max(1, Math.min(timeout.toMillis(), leftMillis / 2));
      try {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setConnectTimeout(stepMillis);
        c.setReadTimeout(stepMillis);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setRequestMethod("PUT");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", contentType);
        try (OutputStream out = c.getOutputStream()) {
          out.write(body);
        }
        int status = c.getResponseCode();
        String answer = drain(status >= 400 ? c.getErrorStream() : c.getInputStream());
        c.disconnect();
        if (status >= 200 && status < 300) {
          return status;
        }
        last = "HTTP " + status + storeError(answer, url);
        if (status < 500) {
          break;
        }
      } catch (IOException e) {
        last =
            e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage(), url));
      }
    }
    throw new UploadException("upload to " + shown + " failed: " + last);
  }

  private static String drain(InputStream in) throws IOException {
    if (in == null) {
      return "";
    }
    try (in) {
      byte[] head = in.readNBytes(8 * 1024);
      in.transferTo(OutputStream.nullOutputStream());
      return new String(head, StandardCharsets.UTF_8);
    }
  }

  /** The store's error code and message (S3's XML error body), if any, without secrets. */
  private static String storeError(String answer, URI url) {
    Matcher code = CODE.matcher(answer);
    Matcher message = MESSAGE.matcher(answer);
    StringBuilder sb = new StringBuilder();
    if (code.find()) {
      sb.append(' ').append(scrub(code.group(1), url));
    }
    if (message.find()) {
      sb.append(sb.length() == 0 ? " " : ": ").append(scrub(message.group(1), url));
    }
    return sb.toString();
  }

  /** {@code text} with every query parameter value of {@code url} cut out. */
  static String scrub(String text, URI url) {
    String query = url.getRawQuery();
    if (query == null) {
      return text;
    }
    String out = text.replace(query, "…");
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      if (value.length() >= 4) {
        out = out.replace(value, "…");
        String decoded = java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        if (decoded.length() >= 4) {
          out = out.replace(decoded, "…");
        }
      }
    }
    return out;
  }
}
