package com.kitchencpq.paramkernel.plugin.core;

/**
 * A goal's plain-Java core could not finish (resolve-digest found no digest, a registry request
 * failed, a property is malformed). {@link #userFixable()} separates problems the user fixes with a
 * setting (missing tag, bad property, credentials) from problems of the environment (registry down,
 * rate limited, network); the Mojo maps them to {@code MojoFailureException} and {@code
 * MojoExecutionException}. Messages never contain a secret.
 */
public final class GoalException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean userFixable;

  private GoalException(String message, Throwable cause, boolean userFixable) {
    super(message, cause);
    this.userFixable = userFixable;
  }

  /** A problem the user fixes by changing a property, a tag or a credential. */
  public static GoalException user(String message) {
    return new GoalException(message, null, true);
  }

  /** A problem of the environment (network, registry health); the cause is kept. */
  public static GoalException environment(String message, Throwable cause) {
    return new GoalException(message, cause, false);
  }

  public boolean userFixable() {
    return userFixable;
  }
}
