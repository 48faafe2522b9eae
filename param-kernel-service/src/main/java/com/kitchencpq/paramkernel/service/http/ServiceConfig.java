package com.kitchencpq.paramkernel.service.http;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the service, read from environment variables. Built from an injected map so that
 * tests never depend on the real environment.
 *
 * @param host address to bind ({@code HOST}, default 0.0.0.0)
 * @param port TCP port ({@code PORT}, default 8080; 0 picks a free port)
 * @param bodyLimitBytes largest accepted request body ({@code BODY_LIMIT_BYTES}, default 1 MiB)
 * @param shutdownGrace upper bound from SIGTERM to exit ({@code SHUTDOWN_GRACE_SECONDS}, default
 *     30)
 * @param shutdownDrain how long the listener stays open after SIGTERM so that load balancers see
 *     readiness 503 before connections are refused ({@code SHUTDOWN_DRAIN_SECONDS}, default the
 *     smaller of 5 s and half the grace period; never more than the grace period)
 */
public record ServiceConfig(
    String host, int port, int bodyLimitBytes, Duration shutdownGrace, Duration shutdownDrain) {

  public static final String HOST = "HOST";
  public static final String PORT = "PORT";
  public static final String BODY_LIMIT_BYTES = "BODY_LIMIT_BYTES";
  public static final String SHUTDOWN_GRACE_SECONDS = "SHUTDOWN_GRACE_SECONDS";
  public static final String SHUTDOWN_DRAIN_SECONDS = "SHUTDOWN_DRAIN_SECONDS";

  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_BODY_LIMIT = 1024 * 1024;

  /** Bodies are held in memory once; keep the limit far below any sensible heap. */
  public static final int MAX_BODY_LIMIT = 64 * 1024 * 1024;

  public static final int DEFAULT_GRACE_SECONDS = 30;
  public static final int MAX_GRACE_SECONDS = 3600;
  public static final long DEFAULT_DRAIN_MILLIS = 5_000;

  /** A setting that cannot be used; the message names the variable and what it accepts. */
  public static final class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
      super(message, null, false, false);
    }
  }

  public ServiceConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (bodyLimitBytes < 1 || bodyLimitBytes > MAX_BODY_LIMIT) {
      throw new IllegalArgumentException("bodyLimitBytes out of range: " + bodyLimitBytes);
    }
    if (shutdownGrace.isNegative()
        || shutdownDrain.isNegative()
        || shutdownDrain.compareTo(shutdownGrace) > 0) {
      throw new IllegalArgumentException("need 0 <= shutdownDrain <= shutdownGrace");
    }
  }

  /** The defaults, with the given port (handy for tests: 0). */
  public static ServiceConfig defaults(int port) {
    try {
      return fromEnv(Map.of(PORT, Integer.toString(port)));
    } catch (InvalidConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Reads the settings from {@code env}; unset variables take their defaults. */
  public static ServiceConfig fromEnv(Map<String, String> env) throws InvalidConfigException {
    String host = env.get(HOST);
    if (host == null) {
      host = "0.0.0.0";
    } else if (host.isBlank() || !host.strip().equals(host)) {
      throw new InvalidConfigException(
          HOST
              + "=\""
              + host
              + "\" is not an address: set an IP address or host name to bind,"
              + " or leave it unset for 0.0.0.0");
    }
    int port =
        intVar(env, PORT, DEFAULT_PORT, 0, 65535, "a TCP port from 0 to 65535 (0 = any free port)");
    int limit =
        intVar(
            env,
            BODY_LIMIT_BYTES,
            DEFAULT_BODY_LIMIT,
            1,
            MAX_BODY_LIMIT,
            "a byte count from 1 to " + MAX_BODY_LIMIT);
    int grace =
        intVar(
            env,
            SHUTDOWN_GRACE_SECONDS,
            DEFAULT_GRACE_SECONDS,
            0,
            MAX_GRACE_SECONDS,
            "whole seconds from 0 to " + MAX_GRACE_SECONDS);
    Duration drain;
    if (env.get(SHUTDOWN_DRAIN_SECONDS) == null) {
      drain = Duration.ofMillis(Math.min(DEFAULT_DRAIN_MILLIS, grace * 1000L / 2));
    } else {
      drain =
          Duration.ofSeconds(
              intVar(
                  env,
                  SHUTDOWN_DRAIN_SECONDS,
                  Math.min(5, grace / 2),
                  0,
                  grace,
                  "whole seconds from 0 to " + SHUTDOWN_GRACE_SECONDS + " (" + grace + ")"));
    }
    return new ServiceConfig(host, port, limit, Duration.ofSeconds(grace), drain);
  }

  private static int intVar(
      Map<String, String> env, String name, int dflt, int min, int max, String expected)
      throws InvalidConfigException {
    String raw = env.get(name);
    if (raw == null) {
      return dflt;
    }
    long value;
    try {
      value = Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      value = Long.MIN_VALUE;
    }
    if (value < min || value > max || raw.strip().startsWith("+")) {
      throw new InvalidConfigException(
          name
              + "=\""
              + printable(raw)
              + "\" is invalid: expected "
              + expected
              + ", or leave it unset for "
              + dflt);
    }
    return (int) value;
  }

  private static String printable(String raw) {
    String cut = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
    StringBuilder sb = new StringBuilder(cut.length());
    cut.codePoints().forEach(c -> sb.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
    return sb.toString();
  }
}
