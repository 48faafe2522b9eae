package com.kitchencpq.paramkernel.service.warmup;

import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canary warm-up job (run by the {@code param-kernel-warmup} AnalysisTemplate): sends the
 * plan's baseline ApplyDelta requests to the canary, prints one JSON line with what the
 * operator checklist asks for (time, payload hash, rate, concurrency, count, percentiles), and
 * exits 0 only when every request succeeded within the latency limits; 1 when the warm-up
 * failed (the analysis then fails and the rollout aborts); 2 for a bad command line.
 */
public final class WarmupMain {
  private WarmupMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    WarmupOptions options;
    try {
      options = WarmupOptions.parse(args);
    } catch (WarmupOptions.UsageException e) {
      err.println("warmup: " + e.getMessage());
      return 2;
    }
    // The JDK client keeps at most http.maxConnections idle connections per server (default 5);
    // with more senders than that, the others would reconnect for every request.
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", Integer.toString(Math.max(5, options.concurrency())));
    }
    byte[] body = BaselinePayload.request();
    Instant startedAt = Instant.now();
    WarmupRun.Result result = new WarmupRun(Duration.ofSeconds(2)).run(options.target(), body,
        options.requests(), options.ratePerSecond(), options.concurrency(),
        options.requestTimeout());
    List<String> problems = verdict(result, options);
    out.println(summaryJson(startedAt, options, result, problems));
    out.flush();
    return problems.isEmpty() ? 0 : 1;
  }

  /** Why the warm-up failed; empty when it passed. */
  static List<String> verdict(WarmupRun.Result r, WarmupOptions o) {
    List<String> problems = new ArrayList<>();
    if (r.failed() > 0) {
      problems.add(r.failed() + " of " + r.requests() + " requests did not answer 200: " + r.outcomes());
    }
    if (r.p95Millis() >= o.maxP95Millis()) {
      problems.add(String.format(Locale.ROOT, "p95 %.2f ms is not below %.2f ms", r.p95Millis(), o.maxP95Millis()));
    }
    if (r.p99Millis() >= o.maxP99Millis()) {
      problems.add(String.format(Locale.ROOT, "p99 %.2f ms is not below %.2f ms", r.p99Millis(), o.maxP99Millis()));
    }
    return problems;
  }

  static String summaryJson(Instant startedAt, WarmupOptions o, WarmupRun.Result r, List<String> problems) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("{\"event\":\"warmup\",\"startedAt\":\"").append(startedAt).append('"')
        .append(",\"target\":\"").append(escape(o.target().toString())).append('"')
        .append(",\"payloadSha256\":\"").append(BaselinePayload.sha256()).append('"')
        .append(",\"requests\":").append(r.requests())
        .append(",\"ratePerSecond\":").append(num(o.ratePerSecond()))
        .append(",\"concurrency\":").append(o.concurrency())
        .append(",\"succeeded\":").append(r.succeeded())
        .append(",\"outcomes\":{");
    boolean first = true;
    for (Map.Entry<String, Integer> e : r.outcomes().entrySet()) {
      sb.append(first ? "" : ",").append('"').append(escape(e.getKey())).append("\":").append(e.getValue());
      first = false;
    }
    sb.append("},\"p50Ms\":").append(num(r.p50Millis()))
        .append(",\"p95Ms\":").append(num(r.p95Millis()))
        .append(",\"p99Ms\":").append(num(r.p99Millis()))
        .append(",\"maxMs\":").append(num(r.maxMillis()))
        .append(",\"elapsedSeconds\":").append(num(r.elapsedSeconds()))
        .append(",\"passed\":").append(problems.isEmpty())
        .append(",\"problems\":[");
    for (int i = 0; i < problems.size(); i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(escape(problems.get(i))).append('"');
    }
    return sb.append("]}").toString();
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
