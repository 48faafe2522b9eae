package com.kitchencpq.paramkernel.plugin.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;

/**
 * The few Kubernetes API calls the cluster goals make, and nothing else. The goals' cores talk to
 * this interface only, so that they run unchanged against fabric8's client on a real cluster
 * ({@link Fabric8ClusterApi}) and in the tests against the API server double; a suite against a
 * real cluster (kind, k3s) needs nothing but another way to build a {@link Fabric8ClusterApi}.
 *
 * <p>Every method names, in its exception, the verb, resource, name and namespace of the request
 * that failed, so a refused RBAC verb can be read off the message.
 */
public interface ClusterApi extends AutoCloseable {

  /** The API server's address, for messages. */
  String server();

  /** The namespace of the kube context (or {@code default}) for objects that name none. */
  String defaultNamespace();

  /**
   * The kind for a manifest's {@code apiVersion} and {@code kind}: from the constants of {@link
   * ResourceKind}, else from the server's discovery.
   *
   * @throws ClusterException NOT_FOUND when the server does not serve the kind (a missing CRD)
   */
  ResourceKind kindOf(String apiVersion, String kind) throws ClusterException;

  /** GET one object; empty when it does not exist. */
  Optional<GenericKubernetesResource> get(ResourceKind kind, String namespace, String name)
      throws ClusterException;

  /**
   * LIST the objects of a kind in a namespace whose labels match the selector ({@code a=b,c in
   * (d,e)}; null: all).
   */
  List<GenericKubernetesResource> list(ResourceKind kind, String namespace, String labelSelector)
      throws ClusterException;

  /**
   * Server-side apply (PATCH, {@code application/apply-patch+yaml}) of one object with the field
   * manager {@value #FIELD_MANAGER}.
   *
   * @param dryRun the server checks and answers but stores nothing ({@code dryRun=All})
   * @param forceConflicts take over fields other managers own ({@code force=true})
   * @return the object as the server answered it
   */
  GenericKubernetesResource apply(
      ResourceKind kind,
      String namespace,
      GenericKubernetesResource object,
      boolean dryRun,
      boolean forceConflicts)
      throws ClusterException;

  /**
   * A JSON merge patch ({@code application/merge-patch+json}) of an object or of its {@code status}
   * subresource.
   *
   * @param subresource {@code status}, or null for the object itself
   */
  GenericKubernetesResource mergePatch(
      ResourceKind kind, String namespace, String name, String subresource, String patch)
      throws ClusterException;

  /**
   * PUT of a whole object; the server refuses it with CONFLICT when its resourceVersion is stale.
   */
  GenericKubernetesResource update(
      ResourceKind kind, String namespace, GenericKubernetesResource object)
      throws ClusterException;

  /**
   * Watches objects of a kind (one object when {@code name} is given) and calls {@code onChange}
   * for every event; the events carry no data on purpose: callers read the state they need. {@code
   * onClosed} gets the reason when the watch ends for good.
   */
  AutoCloseable watch(
      ResourceKind kind,
      String namespace,
      String name,
      Runnable onChange,
      java.util.function.Consumer<ClusterException> onClosed)
      throws ClusterException;

  @Override
  void close();

  /** The field manager of every write: {@code param-kernel}. */
  String FIELD_MANAGER = "param-kernel";
}
