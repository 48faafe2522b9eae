package com.kitchencpq.paramkernel.plugin.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a Prometheus address given at render time: an absolute http or https URL with a host, as
 * Argo Rollouts needs it, and without user information (credentials belong in the
 * AnalysisTemplate's headers from a Secret, never in a rendered file).
 */
public final class PrometheusAddress {
  /** The template variable the address replaces. */
  public static final String VARIABLE = "PARAM_KERNEL_PROMETHEUS_ADDRESS";

  private PrometheusAddress() {}

  /**
   * @param value the address
   * @param property the property it was given in, for the message
   * @return the address, surrounding whitespace removed
   * @throws RenderException when it is not a usable address
   */
  public static String requireValid(String value, String property) throws RenderException {
    String address = value.strip();
    String hint =
        "; expected an http:// or https:// URL such as"
            + " http://prometheus-operated.monitoring.svc:9090";
    if (address.isEmpty()) {
      throw new RenderException(property + " is empty" + hint);
    }
    if (address.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new RenderException(property + ": the address contains whitespace" + hint);
    }
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      throw new RenderException(property + ": not a URL (" + e.getReason() + ")" + hint);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RenderException(property + ": the scheme must be http or https" + hint);
    }
    if (uri.getRawUserInfo() != null) {
      throw new RenderException(
          property
              + ": the address must not contain credentials;"
              + " give them to Argo Rollouts through the metric's headers and a Secret");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new RenderException(property + ": the address has no host" + hint);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new RenderException(
          property + ": the address must not have a query or fragment" + hint);
    }
    return address;
  }
}
