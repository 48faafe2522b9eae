package com.kitchencpq.paramkernel.service.warmup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One warm-up's outcome and evidence: every latency in HdrHistograms (the judged window's and all
 * requests'), the percentiles taken from the judged one, and the verdict. The documents the
 * operator checklist asks for are rendered from it: {@link #runLogJson()}, {@link #histogramJson()}
 * and {@link #hgrm()}.
 *
 * <p>Latencies are recorded in whole microseconds (rounded up) with three significant digits, so a
 * recorded value is within 0.1% of the measured one. Every percentile reported anywhere is
 * HdrHistogram's {@code getValueAtPercentile} of the judged histogram, so anyone can decode {@code
 * histogram.json} and get the run log's numbers back exactly.
 *
 * @param histogram the judged window's latencies (do not modify)
 * @param allRequests every request's latency (do not modify)
 * @param percentiles of {@code histogram}
 * @param iterations per iteration, in order
 * @param problems why the warm-up failed; empty when it passed
 */
public record WarmupReport(
    Instant startedAt,
    String payloadSha256,
    int payloadBytes,
    WarmupOptions options,
    WarmupRun.Result result,
    Histogram histogram,
    Histogram allRequests,
    Percentiles percentiles,
    List<Iteration> iterations,
    List<Problem> problems) {

  /** File names of the evidence, the same for the job's output directory and the goal's. */
  public static final String RUN_LOG_FILE = "run-log.json";

  public static final String HISTOGRAM_FILE = "histogram.json";
  public static final String HGRM_FILE = "histogram.hgrm";

  /** Significant decimal digits the histograms keep. */
  public static final int SIGNIFICANT_DIGITS = 3;

  /** Percentiles of one histogram, in microseconds. */
  public record Percentiles(
      long p50Micros, long p95Micros, long p99Micros, long p999Micros, long maxMicros) {

    public static Percentiles of(Histogram h) {
      return new Percentiles(
          h.getValueAtPercentile(50),
          h.getValueAtPercentile(95),
          h.getValueAtPercentile(99),
          h.getValueAtPercentile(99.9),
          h.getMaxValue());
    }

    public double p50Millis() {
      return p50Micros / 1000.0;
    }

    public double p95Millis() {
      return p95Micros / 1000.0;
    }

    public double p99Millis() {
      return p99Micros / 1000.0;
    }

    public double p999Millis() {
      return p999Micros / 1000.0;
    }

    public double maxMillis() {
      return maxMicros / 1000.0;
    }

    Json toJson() {
      return new Json()
          .putMillis("p50", p50Micros)
          .putMillis("p95", p95Micros)
          .putMillis("p99", p99Micros)
          .putMillis("p999", p999Micros)
          .putMillis("max", maxMicros);
    }
  }

  /** One iteration: its requests, how many did not answer 200, and its own percentiles. */
  public record Iteration(
      int number,
      int firstRequest,
      int requests,
      int failed,
      boolean judged,
      Percentiles percentiles) {}

  /** Why a warm-up failed, and which limit or rule it broke. */
  public record Problem(Kind kind, String message) {
    /** What was broken. */
    public enum Kind {
      /** No request got any answer: nothing listening, or not reachable. */
      UNREACHABLE,
      /** Some requests did not answer 200. */
      FAILED_REQUESTS,
      /** p95 of the judged window not below the limit. */
      P95,
      /** p99 of the judged window not below the limit. */
      P99
    }
  }

  /** Records a finished run and judges it against {@code options}' limits. */
  public static WarmupReport of(
      Instant startedAt,
      String payloadSha256,
      int payloadBytes,
      WarmupOptions options,
      WarmupRun.Result result) {
    long[] latencies = result.latencyNanos();
    int perIteration = options.requestsPerIteration();
    int firstJudged = options.firstJudgedRequest();
    Histogram judged = newHistogram();
    Histogram all = newHistogram();
    List<Iteration> iterations = new ArrayList<>(options.iterations());
    for (int it = 0; it < options.iterations(); it++) {
      Histogram own = newHistogram();
      int failed = 0;
      int from = it * perIteration;
      for (int i = from; i < from + perIteration; i++) {
        long micros = micros(latencies[i]);
        own.recordValue(micros);
        all.recordValue(micros);
        if (i >= firstJudged) {
          judged.recordValue(micros);
        }
        if (!"200".equals(result.requestOutcomes()[i])) {
          failed++;
        }
      }
      iterations.add(
          new Iteration(
              it + 1, from, perIteration, failed, from >= firstJudged, Percentiles.of(own)));
    }
    Percentiles p = Percentiles.of(judged);
    return new WarmupReport(
        startedAt,
        payloadSha256,
        payloadBytes,
        options,
        result,
        judged,
        all,
        p,
        List.copyOf(iterations),
        verdict(options, result, p));
  }

  public boolean passed() {
    return problems.isEmpty();
  }

  /** Whether no request got an answer at all (nothing listening at the target). */
  public boolean unreachable() {
    return problems.stream().anyMatch(pr -> pr.kind() == Problem.Kind.UNREACHABLE);
  }

  /** The problems' messages, in order. */
  public List<String> problemMessages() {
    return problems.stream().map(Problem::message).toList();
  }

  /** "iterations 2-10" (or "iteration 10", "all iterations"): the judged window, in words. */
  public String judgedWindow() {
    return window(options);
  }

  private static String window(WarmupOptions o) {
    if (o.judgeSkipIterations() == 0) {
      return "all " + o.iterations() + " iterations";
    }
    int first = o.judgeSkipIterations() + 1;
    return first == o.iterations()
        ? "iteration " + first
        : "iterations " + first + "-" + o.iterations();
  }

  private static List<Problem> verdict(WarmupOptions o, WarmupRun.Result r, Percentiles p) {
    List<Problem> problems = new ArrayList<>();
    if (r.succeeded() == 0 && r.outcomes().keySet().stream().allMatch(k -> k.equals("io"))) {
      problems.add(
          new Problem(
              Problem.Kind.UNREACHABLE,
              "no answer from "
                  + o.displayTarget()
                  + " to any of the "
                  + r.requests()
                  + " requests"
                  + (r.firstError() == null ? "" : ": " + r.firstError())));
      return problems;
    }
    if (r.failed() > 0) {
      problems.add(
          new Problem(
              Problem.Kind.FAILED_REQUESTS,
              r.failed()
                  + " of "
                  + r.requests()
                  + " requests did not answer 200: "
                  + r.outcomes()
                  + (r.firstError() == null ? "" : " (first error: " + r.firstError() + ")")));
    }
    String window = window(o);
    if (p.p95Millis() >= o.maxP95Millis()) {
      problems.add(
          new Problem(
              Problem.Kind.P95,
              "p95 "
                  + Json.millis(p.p95Micros())
                  + " ms over "
                  + window
                  + " is not below the limit of "
                  + Json.number(o.maxP95Millis())
                  + " ms"));
    }
    if (p.p99Millis() >= o.maxP99Millis()) {
      problems.add(
          new Problem(
              Problem.Kind.P99,
              "p99 "
                  + Json.millis(p.p99Micros())
                  + " ms over "
                  + window
                  + " is not below the limit of "
                  + Json.number(o.maxP99Millis())
                  + " ms"));
    }
    return problems;
  }

  /**
   * The run log: one line of JSON with what the operator checklist asks for (time, payload hash,
   * rate, concurrency, iterations, request count, outcomes by status, percentiles of the judged
   * window, verdict and why). The keys {@code startedAt}, {@code payloadSha256}, {@code
   * ratePerSecond}, {@code concurrency}, {@code iterations}, {@code requests}, {@code outcomes},
   * {@code p50Ms}, {@code p95Ms}, {@code p99Ms}, {@code p999Ms}, {@code maxMs}, {@code passed} and
   * {@code problems} are a contract (docs/warmup.md).
   */
  public String runLogJson() {
    WarmupRun.Result r = result;
    List<Json> perIteration = new ArrayList<>();
    for (Iteration it : iterations) {
      perIteration.add(
          new Json()
              .put("iteration", it.number())
              .put("requests", it.requests())
              .put("failed", it.failed())
              .put("judged", it.judged())
              .putMillis("p50Ms", it.percentiles().p50Micros())
              .putMillis("p95Ms", it.percentiles().p95Micros())
              .putMillis("maxMs", it.percentiles().maxMicros()));
    }
    return new Json()
        .put("event", "warmup")
        .put("startedAt", startedAt.toString())
        .put("target", options.displayTarget())
        .put("payloadSha256", payloadSha256)
        .put("payloadBytes", payloadBytes)
        .put("ratePerSecond", options.ratePerSecond())
        .put("concurrency", options.concurrency())
        .put("iterations", options.iterations())
        .put("requestsPerIteration", options.requestsPerIteration())
        .put("requests", r.requests())
        .put("outcomes", r.outcomes())
        .put("succeeded", r.succeeded())
        .put("judgedWindow", judgedWindow())
        .put("judgedRequests", histogram.getTotalCount())
        .putMillis("p50Ms", percentiles.p50Micros())
        .putMillis("p95Ms", percentiles.p95Micros())
        .putMillis("p99Ms", percentiles.p99Micros())
        .putMillis("p999Ms", percentiles.p999Micros())
        .putMillis("maxMs", percentiles.maxMicros())
        .put("maxP95Ms", options.maxP95Millis())
        .put("maxP99Ms", options.maxP99Millis())
        .put("elapsedSeconds", Math.round(r.elapsedSeconds() * 1000) / 1000.0)
        .putObjects("perIteration", perIteration)
        .put("histogram", HISTOGRAM_FILE)
        .put("passed", passed())
        .put("problems", problemMessages())
        .toString();
  }

  /**
   * The histogram document (the plan's {@code latest.json}), one line of JSON: the judged window's
   * histogram in HdrHistogram's compressed encoding (base64), its unit, its percentiles, how to
   * decode it, and the same for all requests.
   */
  public String histogramJson() {
    return new Json()
        .put("event", "warmup-histogram")
        .put("startedAt", startedAt.toString())
        .put("payloadSha256", payloadSha256)
        .put("unit", "microseconds")
        .put("significantDigits", SIGNIFICANT_DIGITS)
        .put("encoding", "HdrHistogram compressed histogram (V2), base64")
        .put("decode", "org.HdrHistogram.Histogram.fromString(histogram)")
        .put("window", judgedWindow())
        .put("totalCount", histogram.getTotalCount())
        .putRaw("percentilesMs", percentiles.toJson().toString())
        .put("histogram", encode(histogram))
        .putRaw(
            "allRequests",
            new Json()
                .put("totalCount", allRequests.getTotalCount())
                .putRaw("percentilesMs", Percentiles.of(allRequests).toJson().toString())
                .put("histogram", encode(allRequests))
                .toString())
        .toString();
  }

  /**
   * The judged window's percentile distribution as HdrHistogram prints it (values in milliseconds,
   * five steps per halving of the distance to 100%), the {@code .hgrm} format its plotters read.
   */
  public String hgrm() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      histogram.outputPercentileDistribution(ps, 5, 1000.0);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** One line for a person: the verdict and the judged percentiles. */
  public String summaryLine() {
    String numbers =
        String.format(
            Locale.ROOT,
            "p95 %s ms, p99 %s ms over %s (limits %s / %s ms)," + " %d of %d requests answered 200",
            Json.millis(percentiles.p95Micros()),
            Json.millis(percentiles.p99Micros()),
            judgedWindow(),
            Json.number(options.maxP95Millis()),
            Json.number(options.maxP99Millis()),
            result.succeeded(),
            result.requests());
    return passed()
        ? "passed: " + numbers
        : "FAILED: " + String.join("; ", problemMessages()) + " (" + numbers + ")";
  }

  /** The evidence files by name, as written by the job and the goal. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(RUN_LOG_FILE, (runLogJson() + "\n").getBytes(StandardCharsets.UTF_8));
    files.put(HISTOGRAM_FILE, (histogramJson() + "\n").getBytes(StandardCharsets.UTF_8));
    files.put(HGRM_FILE, hgrm().getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** HdrHistogram's compressed encoding, base64: what {@code Histogram.fromString} reads. */
  public static String encode(Histogram h) {
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  static Histogram newHistogram() {
    Histogram h = new Histogram(SIGNIFICANT_DIGITS);
    h.setAutoResize(true);
    return h;
  }

  /** Nanoseconds to whole microseconds, rounded up (a latency is never under-reported). */
  static long micros(long nanos) {
    return Math.max(0, (nanos + 999) / TimeUnit.MICROSECONDS.toNanos(1));
  }
}
