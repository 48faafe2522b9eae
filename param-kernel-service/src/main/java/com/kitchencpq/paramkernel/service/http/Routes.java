package com.kitchencpq.paramkernel.service.http;

/** The route templates, also used as the {@code route} metric label. */
public final class Routes {
  public static final String APPLY_DELTA = "/v1/apply-delta";
  public static final String LIVE = "/healthz/live";
  public static final String READY = "/healthz/ready";
  public static final String METRICS = "/metrics";

  private Routes() {}
}
