package com.kitchencpq.paramkernel.plugin.cluster;

import java.util.Locale;
import java.util.Objects;

/**
 * What the API server needs to address a kind: group, version, kind, the plural of its URL path and
 * whether it lives in a namespace. The kinds the goals use are constants here; other kinds of a
 * bundle are found through the server's discovery ({@link ClusterApi#kindOf(String, String)}).
 *
 * @param group API group, empty for the core group
 * @param version API version within the group
 * @param kind the kind, as written in manifests
 * @param plural the resource name in URLs and RBAC rules
 * @param namespaced whether objects of the kind live in a namespace
 */
public record ResourceKind(
    String group, String version, String kind, String plural, boolean namespaced) {

  public static final ResourceKind ROLLOUT =
      new ResourceKind("argoproj.io", "v1alpha1", "Rollout", "rollouts", true);
  public static final ResourceKind ANALYSIS_RUN =
      new ResourceKind("argoproj.io", "v1alpha1", "AnalysisRun", "analysisruns", true);
  public static final ResourceKind ANALYSIS_TEMPLATE =
      new ResourceKind("argoproj.io", "v1alpha1", "AnalysisTemplate", "analysistemplates", true);
  public static final ResourceKind CLUSTER_ANALYSIS_TEMPLATE =
      new ResourceKind(
          "argoproj.io", "v1alpha1", "ClusterAnalysisTemplate", "clusteranalysistemplates", false);
  public static final ResourceKind REPLICA_SET =
      new ResourceKind("apps", "v1", "ReplicaSet", "replicasets", true);
  public static final ResourceKind DEPLOYMENT =
      new ResourceKind("apps", "v1", "Deployment", "deployments", true);
  public static final ResourceKind SERVICE =
      new ResourceKind("", "v1", "Service", "services", true);

  public ResourceKind {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(plural, "plural");
  }

  /** {@code group/version}, or just the version for the core group: the manifests' apiVersion. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * How kubectl names the resource in its output and RBAC rules name it: {@code services}, {@code
   * rollouts.argoproj.io}.
   */
  public String resource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** kubectl's prefix of an object name: {@code service}, {@code rollout.argoproj.io}. */
  public String kubectlName() {
    String lower = kind.toLowerCase(Locale.ROOT);
    return group.isEmpty() ? lower : lower + "." + group;
  }

  /** True when {@code apiVersion} and {@code kind} of a manifest name this kind. */
  public boolean is(String apiVersion, String kind) {
    return apiVersion().equals(apiVersion) && this.kind.equals(kind);
  }
}
