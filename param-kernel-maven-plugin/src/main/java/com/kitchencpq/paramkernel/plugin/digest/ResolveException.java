package com.kitchencpq.paramkernel.plugin.digest;

/**
 * A resolution that did not produce a digest. {@link #userFixable()} separates problems the
 * user fixes with a setting (missing tag, bad property, credentials) from problems of the
 * environment (registry down, rate limited, network); the Mojo maps them to
 * {@code MojoFailureException} and {@code MojoExecutionException}. Messages never contain a
 * secret.
 */
public final class ResolveException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean userFixable;

  private ResolveException(String message, Throwable cause, boolean userFixable) {
    super(message, cause);
    this.userFixable = userFixable;
  }

  /** A problem the user fixes by changing a property, a tag or a credential. */
  public static ResolveException user(String message) {
    return new ResolveException(message, null, true);
  }

  /** A problem of the environment (network, registry health); the cause is kept. */
  public static ResolveException environment(String message, Throwable cause) {
    return new ResolveException(message, cause, false);
  }

  public boolean userFixable() {
    return userFixable;
  }
}
