package com.kitchencpq.paramkernel.plugin.analyze;

import java.time.Duration;
import java.time.Instant;

/**
 * The time source of a live run: what "now" is and how to wait. {@link #system()} is the real
 * clock; {@link #virtual(Instant)} stands still until asked to wait and then jumps, so a test
 * sees a five-minute schedule pass at once. (A replay always runs on a virtual clock of its own
 * that starts at the replayed instant.)
 */
public interface AnalysisClock {
  /** The current instant. */
  Instant now();

  /** Returns at {@code instant} (at once when it has passed). */
  void sleepUntil(Instant instant) throws InterruptedException;

  /** The wall clock; waiting sleeps the calling thread. */
  static AnalysisClock system() {
    return new AnalysisClock() {
      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void sleepUntil(Instant instant) throws InterruptedException {
        while (true) {
          long ms = Duration.between(Instant.now(), instant).toMillis();
          if (ms <= 0) {
            return;
          }
          Thread.sleep(Math.min(ms, 1000));
        }
      }
    };
  }

  /** A clock that starts at {@code start} and moves only when waited on. Not shared between threads. */
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
