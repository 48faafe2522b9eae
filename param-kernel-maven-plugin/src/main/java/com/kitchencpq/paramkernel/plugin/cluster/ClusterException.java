package com.kitchencpq.paramkernel.plugin.cluster;

/**
 * A request the API server refused or could not answer. The message names the request (verb,
 * resource, name, namespace), the server and what to change; it never holds a credential.
 */
public final class ClusterException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a request failed, so that goals can tell a user's mistake from an environment problem. */
  public enum Reason {
    /** The object (or the kind) does not exist. */
    NOT_FOUND(true),
    /** RBAC refused the verb. */
    FORBIDDEN(true),
    /** The credentials were refused (HTTP 401). */
    UNAUTHORIZED(true),
    /**
     * A write lost against a concurrent one, or server-side apply found fields owned by another
     * manager.
     */
    CONFLICT(true),
    /** The server rejected the object (validation, bad request). */
    INVALID(true),
    /** The configuration (kubeconfig, context) is unusable. */
    CONFIGURATION(true),
    /** The server could not be reached or did not answer in time. */
    UNREACHABLE(false),
    /** Anything else the server answered (5xx, unexpected codes). */
    SERVER(false);

    private final boolean userFixable;

    Reason(boolean userFixable) {
      this.userFixable = userFixable;
    }

    /** True when the user must change something (a name, a permission, a setting). */
    public boolean userFixable() {
      return userFixable;
    }
  }

  private final Reason reason;
  private final int code;

  public ClusterException(Reason reason, int code, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.code = code;
  }

  public ClusterException(Reason reason, String message) {
    this(reason, 0, message, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status code, or 0 when there was no answer. */
  public int code() {
    return code;
  }
}
