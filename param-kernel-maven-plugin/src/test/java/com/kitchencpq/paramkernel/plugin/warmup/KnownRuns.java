package com.kitchencpq.paramkernel.plugin.warmup;

import com.kitchencpq.paramkernel.service.warmup.WarmupOptions;
import com.kitchencpq.paramkernel.service.warmup.WarmupReport;
import com.kitchencpq.paramkernel.service.warmup.WarmupRun;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Warm-up reports with latencies the tests choose, as the client would have recorded them. */
final class KnownRuns {
  private KnownRuns() {}

  static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

  /** The plan's profile (200 requests in 10 iterations) with these latencies in microseconds. */
  static WarmupReport report(long[] micros, String... args) throws Exception {
    String[] all = new String[args.length + 1];
    all[0] = "--target=http://canary.kitchen-cpq.svc:80";
    System.arraycopy(args, 0, all, 1, args.length);
    WarmupOptions options = WarmupOptions.parse(all);
    String[] outcomes = new String[micros.length];
    Arrays.fill(outcomes, "200");
    Map<String, Integer> byOutcome = new TreeMap<>(Map.of("200", micros.length));
    long[] nanos = Arrays.stream(micros).map(m -> m * 1000).toArray();
    WarmupRun.Result result =
        new WarmupRun.Result(
            micros.length, micros.length, byOutcome, 0, 0, 0, 0, 10.0, nanos, outcomes, -1, null);
    return WarmupReport.of(
        STARTED,
        "d73aa6bb7b411dc40c1ba9dfb653f86effa4c3dca5725119c7a298b041eb08f0",
        21875,
        options,
        result);
  }

  /**
   * 200 latencies: the first iteration 20..39 ms (cold), then request i of the other 180 takes 2 ms
   * + i * 0.1 ms shuffled by a fixed stride, so the judged window runs 4 ms .. 21.9 ms.
   */
  static long[] planShaped() {
    long[] micros = new long[200];
    for (int i = 0; i < 20; i++) {
      micros[i] = 20_000 + i * 1_000L;
    }
    for (int k = 0; k < 180; k++) {
      int slot = 20 + (k * 7) % 180;
      micros[slot] = 4_000 + k * 100L;
    }
    return micros;
  }
}
