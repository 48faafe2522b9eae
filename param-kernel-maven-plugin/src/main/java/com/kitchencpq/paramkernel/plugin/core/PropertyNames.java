package com.kitchencpq.paramkernel.plugin.core;

/**
 * Every user property of the plugin, in one place. The README's property table lists the same
 * names; keep the two in step. Goal-specific names are {@code paramkernel.<goal>.<name>}.
 */
public final class PropertyNames {
  private PropertyNames() {}

  /** Skips every goal of the plugin. */
  public static final String SKIP = "paramkernel.skip";

  // resolve-digest
  public static final String IMAGE = "paramkernel.image";
  public static final String TAGS = "paramkernel.tags";
  public static final String STRICT = "paramkernel.strict";
  public static final String DIGEST = "paramkernel.digest";
  public static final String ALLOW_INSECURE_REGISTRIES = "paramkernel.allowInsecureRegistries";
  public static final String SEND_CREDENTIALS_OVER_HTTP = "paramkernel.sendCredentialsOverHttp";
  public static final String RESOLVE_TIMEOUT = "paramkernel.resolve.timeout";
  public static final String RESOLVE_VISIBILITY_RETRY = "paramkernel.resolve.visibilityRetry";
  public static final String OCI_LAYOUT = "paramkernel.ociLayout";
  public static final String RESOLVE_SKIP = "paramkernel.resolve.skip";

  /** Project property that carries the resolved digest to later goals of the same build. */
  public static final String RESOLVED_DIGEST = "paramkernel.image.digest";

  // render
  public static final String TEMPLATE = "paramkernel.template";
  public static final String OUTPUT = "paramkernel.output";
  public static final String PROMETHEUS_ADDRESS = "paramkernel.prometheusAddress";
  public static final String RENDER_SKIP = "paramkernel.render.skip";

  /** A temporary p95 failure bound (seconds) for the health template: the plan's contingency. */
  public static final String CONTINGENCY_P95_FAILURE = "paramkernel.contingency.p95Failure";

  /** Why the contingency is needed; required with it. */
  public static final String CONTINGENCY_REASON = "paramkernel.contingency.reason";

  /** The last day (ISO date, UTC) the contingency may stay; required with it. */
  public static final String CONTINGENCY_UNTIL = "paramkernel.contingency.until";

  // validate
  public static final String VALIDATE_FILES = "paramkernel.validate.files";
  public static final String VALIDATE_PLAN = "paramkernel.validate.plan";
  public static final String VALIDATE_FORMAT = "paramkernel.validate.format";
  public static final String VALIDATE_FAIL_ON_WARNING = "paramkernel.validate.failOnWarning";

  /** The Argo Rollouts version whose semantics validate and analyze follow. */
  public static final String VALIDATE_ARGO_VERSION = "paramkernel.validate.argoVersion";

  public static final String VALIDATE_SKIP = "paramkernel.validate.skip";

  // analyze
  public static final String ANALYZE_FILES = "paramkernel.analyze.files";
  public static final String ANALYZE_TEMPLATES = "paramkernel.analyze.templates";
  public static final String ANALYZE_ARGS = "paramkernel.analyze.args";
  public static final String ANALYZE_START = "paramkernel.analyze.start";
  public static final String ANALYZE_FAIL_ON_INCONCLUSIVE =
      "paramkernel.analyze.failOnInconclusive";
  public static final String ANALYZE_SKIP = "paramkernel.analyze.skip";

  // image
  public static final String IMAGE_BASE = "paramkernel.image.base";
  public static final String IMAGE_PUSH = "paramkernel.image.push";
  public static final String IMAGE_SKIP = "paramkernel.image.skip";
  public static final String IMAGE_FORCE_PREVIEW_PUSH = "paramkernel.image.forcePreviewPush";
  public static final String IMAGE_LATEST = "paramkernel.image.latest";
  public static final String IMAGE_DEFAULT_BRANCH = "paramkernel.image.defaultBranch";
  public static final String IMAGE_MAIN_CLASS = "paramkernel.image.mainClass";
  public static final String IMAGE_JVM_FLAGS = "paramkernel.image.jvmFlags";
  public static final String IMAGE_USER = "paramkernel.image.user";
  public static final String IMAGE_PORT = "paramkernel.image.port";
  public static final String IMAGE_LAYOUT = "paramkernel.image.ociLayout";
  public static final String IMAGE_BASE_TIMEOUT = "paramkernel.image.baseTimeout";

  /** Project property with the digest of the image the image goal built in this build. */
  public static final String IMAGE_BUILT_DIGEST = "paramkernel.image.built.digest";

  // warmup
  public static final String WARMUP_TARGET = "paramkernel.warmup.target";
  public static final String WARMUP_REQUESTS = "paramkernel.warmup.requests";
  public static final String WARMUP_RATE = "paramkernel.warmup.rate";
  public static final String WARMUP_CONCURRENCY = "paramkernel.warmup.concurrency";
  public static final String WARMUP_ITERATIONS = "paramkernel.warmup.iterations";
  public static final String WARMUP_JUDGE_SKIP_ITERATIONS =
      "paramkernel.warmup.judgeSkipIterations";
  public static final String WARMUP_MAX_P95_MS = "paramkernel.warmup.maxP95Ms";
  public static final String WARMUP_MAX_P99_MS = "paramkernel.warmup.maxP99Ms";
  public static final String WARMUP_TIMEOUT = "paramkernel.warmup.timeout";
  public static final String WARMUP_SKIP = "paramkernel.warmup.skip";

  // cluster goals: apply, rollout-status, promote, abort, retry, set-image
  public static final String NAMESPACE = "paramkernel.namespace";
  public static final String KUBE_CONTEXT = "paramkernel.kube.context";
  public static final String KUBE_CONFIG = "paramkernel.kube.config";

  /** The rendered bundle that apply applies and whose Rollout the other cluster goals address. */
  public static final String BUNDLE = "paramkernel.bundle";

  public static final String APPLY_DRY_RUN = "paramkernel.apply.dryRun";
  public static final String APPLY_FORCE_CONFLICTS = "paramkernel.apply.forceConflicts";
  public static final String APPLY_SKIP = "paramkernel.apply.skip";
  public static final String ROLLOUT_NAME = "paramkernel.rollout.name";
  public static final String ROLLOUT_TIMEOUT = "paramkernel.rollout.timeout";
  public static final String ROLLOUT_FAIL_ON_PAUSE = "paramkernel.rollout.failOnPause";
  public static final String ROLLOUT_SKIP = "paramkernel.rollout.skip";
  public static final String PROMOTE_FULL = "paramkernel.promote.full";
  public static final String SET_IMAGE_CONTAINER = "paramkernel.setImage.container";

  // environment variables read by the plugin (never logged)
  public static final String ENV_REGISTRY_USERNAME = "PARAMKERNEL_REGISTRY_USERNAME";
  public static final String ENV_REGISTRY_PASSWORD = "PARAMKERNEL_REGISTRY_PASSWORD";

  /** fabric8's (and kubectl's) list of kubeconfig files. */
  public static final String ENV_KUBECONFIG = "KUBECONFIG";
}
