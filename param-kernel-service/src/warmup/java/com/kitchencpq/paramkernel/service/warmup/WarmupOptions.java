package com.kitchencpq.paramkernel.service.warmup;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a warm-up sends and how it is judged. Defaults are the rollout plan's warm-up profile: 200
 * requests at 20 per second with 5 in flight, in 10 iterations of 20; every request must answer
 * 200, and over the judged window p95 must stay below 45 ms and p99 below 70 ms.
 *
 * <p>Iterations are consecutive blocks of the one constant-rate schedule (request <i>i</i> is due
 * at start + <i>i</i> / rate, no pause between blocks), so at 20 per second an iteration of 20
 * lasts one second. The <em>judged window</em> leaves out the first {@code judgeSkipIterations}
 * iterations: the plan asks for its limits over a steady window, and the first second is where the
 * canary's connection pools, caches and JIT are still being filled. Requests outside the window
 * still count for "every request answered 200".
 *
 * @param target base URL of the service; requests go to {@code target + /v1/apply-delta}
 * @param requests all requests sent
 * @param iterations blocks the requests are split into (must divide {@code requests})
 * @param judgeSkipIterations leading iterations left out of the judged window
 * @param requestTimeout how long one request may take to answer (the read timeout)
 */
public record WarmupOptions(
    URI target,
    int requests,
    double ratePerSecond,
    int concurrency,
    int iterations,
    int judgeSkipIterations,
    double maxP95Millis,
    double maxP99Millis,
    Duration requestTimeout) {

  /** Option names, as {@code --name=value} on the job's command line. */
  public static final String TARGET = "target";

  public static final String REQUESTS = "requests";
  public static final String RATE = "rate";
  public static final String CONCURRENCY = "concurrency";
  public static final String ITERATIONS = "iterations";
  public static final String JUDGE_SKIP_ITERATIONS = "judge-skip-iterations";
  public static final String MAX_P95_MS = "max-p95-ms";
  public static final String MAX_P99_MS = "max-p99-ms";
  public static final String TIMEOUT_MS = "timeout-ms";

  /** Every option of the profile, in the order of the usage message. */
  public static final List<String> NAMES =
      List.of(
          TARGET,
          REQUESTS,
          RATE,
          CONCURRENCY,
          ITERATIONS,
          JUDGE_SKIP_ITERATIONS,
          MAX_P95_MS,
          MAX_P99_MS,
          TIMEOUT_MS);

  /** Thrown for a bad option; {@link #option()} names it, the message says what is wrong. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String option;
    private final String problem;

    public UsageException(String option, String problem) {
      super(option == null ? problem : "--" + option + " " + problem);
      this.option = option;
      this.problem = problem;
    }

    /** The option to fix (without dashes), or null when the command line as a whole is wrong. */
    public String option() {
      return option;
    }

    /** What is wrong with it, without the option's name. */
    public String problem() {
      return problem;
    }
  }

  /** Just the profile options, {@code --name=value} each (the job's parser takes more). */
  public static WarmupOptions parse(String... args) throws UsageException {
    return fromValues(CommandLine.parse(args, NAMES));
  }

  /**
   * Builds and checks the options from values by option name (absent = default); what both the
   * job's command line and the plugin's goal go through, so both refuse the same values with the
   * same words.
   */
  public static WarmupOptions fromValues(Map<String, String> values) throws UsageException {
    String target = values.get(TARGET);
    if (target == null || target.isBlank()) {
      throw new UsageException(
          TARGET,
          "is required: the service's base URL, e.g."
              + " http://param-kernel-service-canary.kitchen-cpq.svc:80");
    }
    URI uri = baseUrl(target.trim());
    int requests = positiveInt(values, REQUESTS, 200);
    int iterations = positiveInt(values, ITERATIONS, 10);
    if (requests % iterations != 0) {
      throw new UsageException(
          ITERATIONS,
          "must divide the "
              + requests
              + " requests into"
              + " iterations of equal size, got "
              + iterations);
    }
    int skip = nonNegativeInt(values, JUDGE_SKIP_ITERATIONS, 1);
    if (skip >= iterations) {
      throw new UsageException(
          JUDGE_SKIP_ITERATIONS,
          "must leave at least one of the " + iterations + " iterations to judge, got " + skip);
    }
    return new WarmupOptions(
        uri,
        requests,
        positiveDouble(values, RATE, 20),
        positiveInt(values, CONCURRENCY, 5),
        iterations,
        skip,
        positiveDouble(values, MAX_P95_MS, 45),
        positiveDouble(values, MAX_P99_MS, 70),
        Duration.ofMillis(positiveInt(values, TIMEOUT_MS, 2000)));
  }

  /** Requests in one iteration. */
  public int requestsPerIteration() {
    return requests / iterations;
  }

  /** Index of the first request of the judged window. */
  public int firstJudgedRequest() {
    return judgeSkipIterations * requestsPerIteration();
  }

  /** Requests in the judged window. */
  public int judgedRequests() {
    return requests - firstJudgedRequest();
  }

  /** The target as it may be shown: scheme, host, port and path (no user info, no query). */
  public String displayTarget() {
    return Redaction.display(target);
  }

  private static URI baseUrl(String target) throws UsageException {
    URI uri;
    try {
      uri = new URI(target.endsWith("/") ? target.substring(0, target.length() - 1) : target);
    } catch (java.net.URISyntaxException e) {
      throw new UsageException(TARGET, "is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new UsageException(
          TARGET, "must be an http(s) URL with a host, got '" + Redaction.displayRaw(target) + "'");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new UsageException(
          TARGET,
          "must be a base URL without user info, query or fragment,"
              + " got '"
              + Redaction.displayRaw(target)
              + "'");
    }
    return uri;
  }

  private static int positiveInt(Map<String, String> values, String name, int dflt)
      throws UsageException {
    int n = wholeNumber(values, name, dflt, "a positive whole number");
    if (n <= 0) {
      throw new UsageException(
          name, "must be a positive whole number, got '" + values.get(name) + "'");
    }
    return n;
  }

  private static int nonNegativeInt(Map<String, String> values, String name, int dflt)
      throws UsageException {
    int n = wholeNumber(values, name, dflt, "a whole number, 0 or more");
    if (n < 0) {
      throw new UsageException(
          name, "must be a whole number, 0 or more, got '" + values.get(name) + "'");
    }
    return n;
  }

  private static int wholeNumber(Map<String, String> values, String name, int dflt, String what)
      throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(name, "must be " + what + ", got '" + v + "'");
    }
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
    throw new UsageException(name, "must be a positive number, got '" + v + "'");
  }
}
