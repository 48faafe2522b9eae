package com.kitchencpq.paramkernel.plugin.render;

import java.util.regex.Pattern;

/** The one digest form render accepts: {@code sha256:} and 64 lowercase hex digits. */
public final class Digests {
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  private Digests() {}

  public static boolean isValid(String digest) {
    return digest != null && SHA256.matcher(digest).matches();
  }

  /**
   * Returns the digest when it is well-formed.
   *
   * @param where what to name in the message: a property or a file and field
   * @throws RenderException otherwise
   */
  public static String requireValid(String digest, String where) throws RenderException {
    if (isValid(digest)) {
      return digest;
    }
    throw new RenderException(where + ": " + describe(digest)
        + " is not an image digest; expected sha256: followed by 64 lowercase hex digits");
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
