package com.kitchencpq.paramkernel.plugin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry and budget rules on a fake clock: nothing here really waits. */
class RetryBudgetTest {
  private long now;
  private final List<Duration> slept = new ArrayList<>();
  private final Clock wall = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private RetryBudget budget(Duration total) {
    return new RetryBudget(
        total,
        () -> now,
        wall,
        d -> {
          slept.add(d);
          now += d.toNanos();
        },
        Duration.ofMillis(250),
        Duration.ofSeconds(2));
  }

  @Test
  void backoffDoublesUpToTheCap() {
    RetryBudget b = budget(Duration.ofSeconds(60));
    assertThat(List.of(b.backoff(1), b.backoff(2), b.backoff(3), b.backoff(4), b.backoff(5)))
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));
  }

  @Test
  void retryAfterSecondsReplacesTheBackoff() {
    RetryBudget.Decision d = budget(Duration.ofSeconds(15)).next(1, 5, Optional.of("3"));
    assertThat(d.retry()).isTrue();
    assertThat(d.delay()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAsHttpDateIsMeasuredFromTheWallClock() {
    RetryBudget.Decision d =
        budget(Duration.ofSeconds(15)).next(1, 5, Optional.of("Thu, 01 Jan 2026 00:00:04 GMT"));
    assertThat(d.delay()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void aRetryAfterBeyondTheBudgetGivesUpAtOnceAndSaysWhy() {
    RetryBudget.Decision d = budget(Duration.ofSeconds(15)).next(1, 5, Optional.of("120"));
    assertThat(d.retry()).isFalse();
    assertThat(d.reason()).contains("asked to wait 120 s", "15 s budget");
  }

  @Test
  void unparseableRetryAfterFallsBackToTheBackoff() {
    assertThat(budget(Duration.ofSeconds(15)).next(2, 5, Optional.of("soon")).delay())
        .isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void attemptsAreBounded() {
    RetryBudget.Decision d = budget(Duration.ofSeconds(60)).next(3, 3, Optional.empty());
    assertThat(d.retry()).isFalse();
    assertThat(d.reason()).contains("after 3 attempts");
  }

  @Test
  void theBudgetRunsOutAndSleepsNeverPassTheDeadline() throws Exception {
    RetryBudget b = budget(Duration.ofSeconds(1));
    now += Duration.ofMillis(900).toNanos();
    assertThat(b.remaining()).isEqualTo(Duration.ofMillis(100));
    assertThat(b.requestTimeout(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(100));
    assertThat(b.next(1, 5, Optional.empty()).retry()).isFalse();
    b.sleep(Duration.ofSeconds(3));
    assertThat(slept).containsExactly(Duration.ofMillis(100));
    assertThat(b.expired()).isTrue();
  }
}
