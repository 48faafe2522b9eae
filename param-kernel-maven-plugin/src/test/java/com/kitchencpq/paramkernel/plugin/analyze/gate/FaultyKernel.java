package com.kitchencpq.paramkernel.plugin.analyze.gate;

import com.kitchencpq.paramkernel.service.http.KernelFunction;
import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaException;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The real kernel behind a {@link FaultProfile}: the answer is always the kernel's, only later (the
 * wait happens where the kernel runs, as a slower kernel would take its time) or replaced by a
 * failure that the HTTP layer answers with 500. Test code only.
 *
 * <p>Spikes and failures hit an exact share of the requests, spread evenly (request n is hit when
 * {@code floor(n * share)} steps up), not a random draw: with a few hundred requests a minute, a
 * random 5% would itself vary by about a percentage point from one window to the next, and the
 * suite is about the template's thresholds, not about that sampling noise. Only the jitter is
 * random.
 */
final class FaultyKernel implements KernelFunction {
  private final KernelFunction real;
  private final FaultProfile profile;
  private final SplittableRandom random;
  private long served;

  /** Off while the pod warms up: the service's start-up warm-up must see the plain kernel. */
  private volatile boolean armed;

  FaultyKernel(KernelFunction real, FaultProfile profile, long seed) {
    this.real = real;
    this.profile = profile;
    this.random = new SplittableRandom(seed);
  }

  /** From now on, every answer gets the profile's faults. */
  void arm() {
    armed = true;
  }

  @Override
  public byte[] apply(byte[] requestUtf8) throws ApplyDeltaException {
    if (!armed) {
      return real.apply(requestUtf8);
    }
    double spike;
    double jitter;
    boolean fail;
    synchronized (random) {
      long n = ++served;
      spike = hit(n, profile.spikeShare()) ? profile.spikeMillis() : 0;
      jitter = profile.jitterShare() > 0 ? random.nextDouble() * profile.jitterShare() : 0;
      fail = hit(n, profile.errorShare());
    }
    byte[] answer = real.apply(requestUtf8);
    long extraNanos = (long) ((profile.extraMillis() * (1 + jitter) + spike) * 1_000_000L);
    if (extraNanos > 0) {
      LockSupport.parkNanos(extraNanos);
    }
    if (fail) {
      throw new IllegalStateException("failure injected by the gate-efficacy test");
    }
    return answer;
  }

  /** Whether request {@code n} (from 1) is one of the evenly spread {@code share} of requests. */
  static boolean hit(long n, double share) {
    return share > 0 && (long) Math.floor(n * share) > (long) Math.floor((n - 1) * share);
  }
}
