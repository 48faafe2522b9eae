package com.kitchencpq.paramkernel.service.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the service is in its life (warming up, ready, draining) and how many requests are open.
 */
public final class Lifecycle {
  /** The phases, in the only order they happen. */
  public enum Phase {
    WARMING_UP,
    READY,
    DRAINING
  }

  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WARMING_UP);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong abandoned = new AtomicLong();

  public Phase phase() {
    return phase.get();
  }

  /** Ready for traffic: warmed up and not shutting down. */
  public boolean ready() {
    return phase.get() == Phase.READY;
  }

  public boolean draining() {
    return phase.get() == Phase.DRAINING;
  }

  /** Warm-up finished; has no effect once draining began. */
  public void markReady() {
    phase.compareAndSet(Phase.WARMING_UP, Phase.READY);
  }

  /** Shutdown began: readiness fails from now on. Returns false if it had begun already. */
  public boolean beginDraining() {
    return phase.getAndSet(Phase.DRAINING) != Phase.DRAINING;
  }

  void requestStarted() {
    inFlight.incrementAndGet();
  }

  void requestFinished(boolean answered) {
    inFlight.decrementAndGet();
    if (!answered) {
      abandoned.incrementAndGet();
    }
  }

  /** Requests whose connection closed before they were answered, since start. */
  public long abandoned() {
    return abandoned.get();
  }

  /** Requests received and not yet answered (or abandoned by their client). */
  public int inFlight() {
    return inFlight.get();
  }
}
