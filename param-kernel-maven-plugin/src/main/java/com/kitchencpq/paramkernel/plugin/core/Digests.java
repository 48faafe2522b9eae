package com.kitchencpq.paramkernel.plugin.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one digest form the plugin accepts and produces: {@code sha256:} plus 64 lowercase hex.
 * resolve-digest and render both check digests here; each words its own message.
 */
public final class Digests {
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  private Digests() {}

  public static boolean isValid(String value) {
    return value != null && SHA256.matcher(value).matches();
  }

  /**
   * Checks a digest given by the user (resolve-digest); the message names the property to fix.
   *
   * @param property the property the value came from
   */
  public static String requireValid(String value, String property) throws GoalException {
    String v = value == null ? "" : value.trim();
    if (!isValid(v)) {
      throw GoalException.user(
          property
              + " must be sha256: followed by 64 lowercase hex digits,"
              + " but is '"
              + abbreviate(v)
              + "'");
    }
    return v;
  }

  /**
   * The message for a value that is not a digest, as render words it.
   *
   * @param where what to name in the message: a property or a file and field
   */
  public static String notADigest(String where, String digest) {
    return where
        + ": "
        + describe(digest)
        + " is not an image digest; expected sha256: followed by 64 lowercase hex digits";
  }

  /** {@code sha256:<hex>} of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String abbreviate(String v) {
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }

  private static String describe(String digest) {
    if (digest == null) {
      return "no value";
    }
    if (digest.isBlank()) {
      return "an empty value";
    }
    String shown = digest.length() > 80 ? digest.substring(0, 80) + "..." : digest;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
