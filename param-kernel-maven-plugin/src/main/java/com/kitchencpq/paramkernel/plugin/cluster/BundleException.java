package com.kitchencpq.paramkernel.plugin.cluster;

/**
 * A bundle (or its digest.json) the cluster goals refuse; the message names the file, line and fix.
 */
public final class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  public BundleException(String message) {
    super(message);
  }
}
