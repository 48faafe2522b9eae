package com.kitchencpq.paramkernel.service.warmup;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line of the warm-up job. Defaults are the rollout plan's warm-up profile: 200
 * requests at 20 per second with 5 in flight, p95 below 45 ms and p99 below 70 ms.
 */
public record WarmupOptions(
    URI target,
    int requests,
    double ratePerSecond,
    int concurrency,
    double maxP95Millis,
    double maxP99Millis,
    Duration requestTimeout) {

  private static final List<String> KNOWN = List.of(
      "target", "requests", "rate", "concurrency", "max-p95-ms", "max-p99-ms", "timeout-ms");

  /** Thrown for a bad command line; the message names the option to fix. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }

  public static WarmupOptions parse(String... args) throws UsageException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
        throw new UsageException("arguments look like --name=value; got '" + arg + "'. Options: "
            + String.join(", ", KNOWN.stream().map(k -> "--" + k).toList()));
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (!KNOWN.contains(name)) {
        throw new UsageException("unknown option --" + name + "; known: "
            + String.join(", ", KNOWN.stream().map(k -> "--" + k).toList()));
      }
      values.put(name, arg.substring(arg.indexOf('=') + 1));
    }
    String target = values.get("target");
    if (target == null || target.isBlank()) {
      throw new UsageException("--target is required, e.g. --target=http://param-kernel-service-canary.kitchen-cpq.svc:80");
    }
    URI uri;
    try {
      uri = URI.create(target.endsWith("/") ? target.substring(0, target.length() - 1) : target);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--target is not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new UsageException("--target must be an http(s) URL with a host, got '" + target + "'");
    }
    return new WarmupOptions(
        uri,
        positiveInt(values, "requests", 200),
        positiveDouble(values, "rate", 20),
        positiveInt(values, "concurrency", 5),
        positiveDouble(values, "max-p95-ms", 45),
        positiveDouble(values, "max-p99-ms", 70),
        Duration.ofMillis(positiveInt(values, "timeout-ms", 2000)));
  }

  private static int positiveInt(Map<String, String> values, String name, int dflt) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UsageException("--" + name + " must be a positive whole number, got '" + v + "'");
  }

  private static double positiveDouble(Map<String, String> values, String name, double dflt)
      throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (d > 0 && Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UsageException("--" + name + " must be a positive number, got '" + v + "'");
  }

  @Override
  public String toString() {
    return "WarmupOptions" + Arrays.asList(target, requests, ratePerSecond, concurrency,
        maxP95Millis, maxP99Millis, requestTimeout);
  }
}
