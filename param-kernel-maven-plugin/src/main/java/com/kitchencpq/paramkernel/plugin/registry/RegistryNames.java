package com.kitchencpq.paramkernel.plugin.registry;

import java.util.Locale;

/**
 * What a registry's name says (host, port, loopback, which scheme to try first) and the
 * distribution API's manifest path. Plain string work: it runs before a JVM's first registry
 * request, so it stays free of regular expressions and of the client's larger classes ({@code
 * docs/digest-benchmark.md}, "What changed for these numbers").
 */
final class RegistryNames {
  private RegistryNames() {}

  /** The manifest path of a tag or digest in a repository. */
  static String manifestPath(String repository, String reference) {
    return "/v2/" + repository + "/manifests/" + reference;
  }

  /**
   * A loopback registry with insecure access allowed is nearly always a plain-http test or mirror
   * registry: start there and move to https only if it answers like a TLS server.
   */
  static String firstScheme(String registry, boolean allowInsecure) {
    return allowInsecure && isLoopback(host(registry)) ? "http" : "https";
  }

  /** The host of {@code host[:port]}, brackets kept for IPv6. */
  static String host(String registry) {
    if (registry.startsWith("[")) {
      return registry.substring(0, registry.indexOf(']') + 1);
    }
    int colon = registry.lastIndexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }

  /** Whether {@code host[:port]} names a port ({@code [::1]} alone does not). */
  static boolean hasPort(String registry) {
    int colon = registry.lastIndexOf(':');
    return colon >= 0
        && colon > registry.lastIndexOf(']')
        && isDigits(registry.substring(colon + 1));
  }

  /** {@code localhost}, {@code 127.x.y.z} or {@code ::1}, with or without brackets. */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || isLoopbackIpv4(h);
  }

  /**
   * {@code 127.x.y.z} as an address literal: each part 0 to 255, without leading zeros. Anything
   * else (say {@code 127.0.0.300}) is a host name the JVM would look up by DNS, which may answer
   * with any address, so it must not count as loopback.
   */
  private static boolean isLoopbackIpv4(String h) {
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (!isDigits(part)
          || part.length() > 3
          || (part.length() > 1 && part.charAt(0) == '0')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** One or more ASCII digits. */
  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
