package com.kitchencpq.paramkernel.plugin.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The time budget of one resolution and the retry decisions made within it. Everything that waits
 * goes through here, with an injected monotonic clock and sleeper, so the rules are unit-tested
 * without real waiting:
 *
 * <ul>
 *   <li>exponential backoff from {@code initialBackoff}, doubling, capped at {@code maxBackoff};
 *   <li>a server's {@code Retry-After} (seconds or HTTP date) replaces the backoff;
 *   <li>no wait ever runs past the deadline: a wait that would is refused;
 *   <li>a bounded number of attempts per request.
 * </ul>
 */
public final class RetryBudget {
  /** Sleeps; replaceable in tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Whether to retry, and after how long; or why not. */
  public record Decision(boolean retry, Duration delay, String reason) {
    static Decision retryAfter(Duration wait) {
      return new Decision(true, wait, "");
    }

    static Decision giveUp(String reason) {
      return new Decision(false, Duration.ZERO, reason);
    }
  }

  private final Duration total;
  private final long deadlineNanos;
  private final LongSupplier nanoClock;
  private final Clock wallClock;
  private final Sleeper sleeper;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  public RetryBudget(
      Duration total,
      LongSupplier nanoClock,
      Clock wallClock,
      Sleeper sleeper,
      Duration initialBackoff,
      Duration maxBackoff) {
    this.total = total;
    this.nanoClock = nanoClock;
    this.wallClock = wallClock;
    this.sleeper = sleeper;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.deadlineNanos = nanoClock.getAsLong() + total.toNanos();
  }

  /** A budget on the real clocks with the default backoff (250 ms doubling to 2 s). */
  public static RetryBudget startingNow(Duration total) {
    RealTime time = new RealTime();
    return new RetryBudget(
        total, time, Clock.systemUTC(), time, Duration.ofMillis(250), Duration.ofSeconds(2));
  }

  /**
   * {@link System#nanoTime()} and {@link Thread#sleep}. A class rather than two lambdas: every
   * goal's first resolution makes one, and a lambda costs milliseconds the first time ({@code
   * docs/digest-benchmark.md}, "What changed for these numbers": 1-4 ms each, cold).
   */
  private static final class RealTime implements LongSupplier, Sleeper {
    @Override
    public long getAsLong() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis());
    }
  }

  public Duration total() {
    return total;
  }

  public Duration remaining() {
    long left = deadlineNanos - nanoClock.getAsLong();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  public boolean expired() {
    return remaining().isZero();
  }

  public Duration elapsed() {
    return total.minus(remaining());
  }

  /** The timeout for one request: the smaller of {@code perRequest} and what is left. */
  public Duration requestTimeout(Duration perRequest) {
    Duration left = remaining();
    Duration t = left.compareTo(perRequest) < 0 ? left : perRequest;
    return t.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : t;
  }

  /**
   * Decides about another attempt after {@code attemptsMade} failed ones.
   *
   * @param retryAfter the server's Retry-After header, if any
   */
  public Decision next(int attemptsMade, int maxAttempts, Optional<String> retryAfter) {
    if (attemptsMade >= maxAttempts) {
      return Decision.giveUp("gave up after " + attemptsMade + " attempts");
    }
    Duration wait = retryAfter.flatMap(this::parseRetryAfter).orElse(backoff(attemptsMade));
    Duration left = remaining();
    if (wait.compareTo(left) >= 0) {
      return Decision.giveUp(
          retryAfter.isPresent() && parseRetryAfter(retryAfter.get()).isPresent()
              ? "the registry asked to wait "
                  + seconds(wait)
                  + " (Retry-After) but only "
                  + seconds(left)
                  + " of the "
                  + seconds(total)
                  + " budget were left"
              : "the time budget of "
                  + seconds(total)
                  + " ran out after "
                  + attemptsMade
                  + " attempts");
    }
    return Decision.retryAfter(wait);
  }

  /** The backoff before attempt {@code attemptsMade + 1}. */
  Duration backoff(int attemptsMade) {
    long factor = 1L << Math.min(Math.max(attemptsMade - 1, 0), 16);
    Duration d = initialBackoff.multipliedBy(factor);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  /** {@code Retry-After}: delta seconds or an HTTP date; empty when unparseable. */
  Optional<Duration> parseRetryAfter(String value) {
    String v = value.trim();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(wallClock.instant(), when);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Waits, never past the deadline. */
  public void sleep(Duration wait) throws InterruptedException {
    Duration left = remaining();
    sleeper.sleep(wait.compareTo(left) > 0 ? left : wait);
  }

  public static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? (ms / 1000) + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
