package com.kitchencpq.paramkernel.plugin.analyze;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time source of a live run: what "now" is and how to wait. {@link #system()} is the real
 * clock; {@link #virtual(Instant)} stands still until asked to wait and then jumps, so a test sees
 * a five-minute schedule pass at once. (A replay always runs on a virtual clock of its own that
 * starts at the replayed instant.)
 */
public interface AnalysisClock {
  /** The current instant. */
  Instant now();

  /** Returns at {@code instant} (at once when it has passed). */
  void sleepUntil(Instant instant) throws InterruptedException;

  /**
   * The wall clock in milliseconds; waiting sleeps the calling thread until the instant has come.
   */
  static AnalysisClock system() {
    return new AnalysisClock() {
      @Override
      public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
      }

      @Override
      public void sleepUntil(Instant instant) throws InterruptedException {
        while (true) {
          Duration left = Duration.between(Instant.now(), instant);
          if (left.isNegative() || left.isZero()) {
            return;
          }
          Thread.sleep(Math.min(left.toMillis() + 1, 1000));
        }
      }
    };
  }

  /**
   * A clock that starts at {@code start} and moves only when waited on. Not shared between threads.
   */
  static AnalysisClock virtual(Instant start) {
    return new AnalysisClock() {
      private Instant now = start;

      @Override
      public Instant now() {
        return now;
      }

      @Override
      public void sleepUntil(Instant instant) {
        if (instant.isAfter(now)) {
          now = instant;
        }
      }
    };
  }
}
