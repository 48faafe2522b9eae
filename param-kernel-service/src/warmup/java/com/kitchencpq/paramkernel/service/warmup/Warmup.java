package com.kitchencpq.paramkernel.service.warmup;

import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import java.time.Duration;
import java.time.Instant;

/**
 * The warm-up as a plain-Java call: sends the plan's baseline ApplyDelta request to a service with
 * the given profile and returns the report with its evidence and verdict. The canary job ({@link
 * WarmupMain}) and the plugin's {@code warmup} goal both run it; neither exits the JVM from here.
 */
public final class Warmup {
  /** How long opening a connection may take before the request counts as unanswered. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private Warmup() {}

  /**
   * Runs the profile against {@code options.target()} over the JDK's HTTP client. The JDK keeps at
   * most {@code http.maxConnections} idle connections per server (default 5), read once per JVM:
   * with more senders than that, the others reconnect for every request (the job raises it before
   * its first request; see {@link WarmupMain}).
   */
  public static WarmupReport run(WarmupOptions options) throws InterruptedException {
    byte[] body = BaselinePayload.request();
    Instant startedAt = Instant.now();
    WarmupRun.Result result =
        new WarmupRun(CONNECT_TIMEOUT)
            .run(
                options.target(),
                body,
                options.requests(),
                options.ratePerSecond(),
                options.concurrency(),
                options.requestTimeout());
    return WarmupReport.of(startedAt, BaselinePayload.sha256(), body.length, options, result);
  }
}
