package com.kitchencpq.paramkernel.plugin.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and secret for one registry, with a description of where it came from (for messages).
 * {@link #toString()} never shows the secret.
 */
public record RegistryCredential(String username, String secret, String source) {
  /** The value of a Basic {@code Authorization} header. */
  String basicAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "RegistryCredential[" + username + ", ****, from " + source + "]";
  }
}
