package com.kitchencpq.paramkernel.service.warmup;

import java.net.URI;

/**
 * URLs as they may appear in output. A pre-signed URL carries its signature (a secret: anyone
 * holding it may write the object until it expires) in the query string, so output shows scheme,
 * host, port and path only, never user info, query or fragment.
 */
public final class Redaction {
  private Redaction() {}

  /** {@code scheme://host[:port]/path} of {@code uri}. */
  public static String display(URI uri) {
    StringBuilder sb = new StringBuilder();
    if (uri.getScheme() != null) {
      sb.append(uri.getScheme()).append("://");
    }
    if (uri.getHost() != null) {
      sb.append(uri.getHost());
    }
    if (uri.getPort() >= 0) {
      sb.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      sb.append(uri.getRawPath());
    }
    return sb.toString();
  }

  /**
   * Text that may not even parse as a URL: everything from the first {@code ?} or {@code #} cut,
   * user info too.
   */
  public static String displayRaw(String text) {
    int cut = text.length();
    for (char c : new char[] {'?', '#'}) {
      int i = text.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    String head = text.substring(0, cut);
    int scheme = head.indexOf("://");
    int at = head.lastIndexOf('@');
    if (scheme >= 0 && at > scheme) {
      head = head.substring(0, scheme + 3) + head.substring(at + 1);
    }
    return cut < text.length() ? head + "?…" : head;
  }
}
