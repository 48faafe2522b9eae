package com.kitchencpq.paramkernel.plugin.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The one digest form the plugin accepts and produces: {@code sha256:} plus 64 lowercase hex. */
public final class Digests {
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  private Digests() {}

  public static boolean isValid(String value) {
    return value != null && SHA256.matcher(value).matches();
  }

  /**
   * Checks a digest given by the user; the message names the property to fix.
   *
   * @param property the property the value came from
   */
  public static String requireValid(String value, String property) throws ResolveException {
    String v = value == null ? "" : value.trim();
    if (!isValid(v)) {
      throw ResolveException.user(property + " must be sha256: followed by 64 lowercase hex digits,"
          + " but is '" + abbreviate(v) + "'");
    }
    return v;
  }

  /** {@code sha256:<hex>} of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String abbreviate(String v) {
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }
}
