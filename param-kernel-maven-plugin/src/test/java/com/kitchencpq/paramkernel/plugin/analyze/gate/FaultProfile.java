package com.kitchencpq.paramkernel.plugin.analyze.gate;

/**
 * What a test-only wrapper does to a real service's ApplyDelta answers: added latency on a share of
 * the requests, latency jitter, and a share of 500s. Nothing of this is in the shipped service;
 * {@link FaultyKernel} applies it around the real kernel through the {@code KernelFunction} seam.
 *
 * @param extraMillis added to every request (a service that got slower across the board)
 * @param spikeMillis added to a share of the requests
 * @param spikeShare the share of requests that get {@code spikeMillis}, 0 to 1
 * @param jitterShare each request is slowed by a further random 0 to jitterShare of {@code
 *     extraMillis} (latency jitter of that share of the emulated service time)
 * @param errorShare the share of requests answered with 500
 */
public record FaultProfile(
    double extraMillis,
    double spikeMillis,
    double spikeShare,
    double jitterShare,
    double errorShare) {

  public static final FaultProfile HEALTHY = new FaultProfile(0, 0, 0, 0, 0);

  public static FaultProfile spikes(double millis, double share) {
    return new FaultProfile(0, millis, share, 0, 0);
  }

  public static FaultProfile errors(double share) {
    return new FaultProfile(0, 0, 0, 0, share);
  }

  public static FaultProfile jitter(double share) {
    return new FaultProfile(0, 0, 0, share, 0);
  }

  public static FaultProfile slower(double millis) {
    return new FaultProfile(millis, 0, 0, 0, 0);
  }

  /** In a table: what was done to the service. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (extraMillis > 0) {
      sb.append("+").append(fmt(extraMillis)).append(" ms on every request; ");
    }
    if (spikeShare > 0) {
      sb.append("+")
          .append(fmt(spikeMillis))
          .append(" ms on ")
          .append(fmt(spikeShare * 100))
          .append("% of requests; ");
    }
    if (jitterShare > 0) {
      sb.append("up to +").append(fmt(jitterShare * 100)).append("% jitter; ");
    }
    if (errorShare > 0) {
      sb.append(fmt(errorShare * 100)).append("% answered 500; ");
    }
    return sb.length() == 0 ? "healthy" : sb.substring(0, sb.length() - 2);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
