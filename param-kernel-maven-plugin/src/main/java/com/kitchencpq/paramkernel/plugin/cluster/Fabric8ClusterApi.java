package com.kitchencpq.paramkernel.plugin.cluster;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@link ClusterApi} on fabric8's {@link KubernetesClient}: Argo Rollouts objects (and any other
 * kind of a bundle) as {@link GenericKubernetesResource}s addressed by a {@link
 * ResourceDefinitionContext}, so no generated model is needed. fabric8's exceptions become {@link
 * ClusterException}s whose message names the request and the server.
 */
public final class Fabric8ClusterApi implements ClusterApi {
  private static final List<ResourceKind> KNOWN =
      List.of(
          ResourceKind.ROLLOUT,
          ResourceKind.ANALYSIS_RUN,
          ResourceKind.ANALYSIS_TEMPLATE,
          ResourceKind.CLUSTER_ANALYSIS_TEMPLATE,
          ResourceKind.REPLICA_SET,
          ResourceKind.DEPLOYMENT,
          ResourceKind.SERVICE,
          new ResourceKind("", "v1", "ConfigMap", "configmaps", true),
          new ResourceKind("", "v1", "Secret", "secrets", true),
          new ResourceKind("", "v1", "ServiceAccount", "serviceaccounts", true),
          new ResourceKind("", "v1", "Namespace", "namespaces", false),
          new ResourceKind("networking.k8s.io", "v1", "Ingress", "ingresses", true),
          new ResourceKind("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true));

  private final KubernetesClient client;
  private final String server;

  /** Wraps a client (owned from now on: {@link #close()} closes it). */
  public Fabric8ClusterApi(KubernetesClient client) {
    this.client = client;
    this.server = safeServer(client.getConfiguration().getMasterUrl());
  }

  /**
   * A client for the connection, with its bounded retries and timeouts, on fabric8's JDK HTTP
   * client ({@code java.net.http}), named here rather than found on the class path. Its threads are
   * a cached pool of daemon threads that {@link #close()} shuts down ({@code
   * JdkHttpClientFactory.closeHttpClient}) and the JDK's own selector thread, whose classes are the
   * JDK's: nothing of the plugin's class realm runs after the goal.
   */
  public static Fabric8ClusterApi connect(KubeConnection connection) throws ClusterException {
    Config config = connection.config();
    return new Fabric8ClusterApi(
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(new JdkHttpClientFactory())
            .build());
  }

  @Override
  public String server() {
    return server;
  }

  @Override
  public String defaultNamespace() {
    String ns = client.getNamespace();
    return ns == null || ns.isBlank() ? "default" : ns;
  }

  @Override
  public ResourceKind kindOf(String apiVersion, String kind) throws ClusterException {
    for (ResourceKind k : KNOWN) {
      if (k.is(apiVersion, kind)) {
        return k;
      }
    }
    APIResourceList list;
    try {
      list = client.getApiResources(apiVersion);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        list = null;
      } else {
        throw translate(e, "discover", "the kinds of " + apiVersion, null, null, null);
      }
    }
    if (list != null && list.getResources() != null) {
      for (APIResource r : list.getResources()) {
        if (kind.equals(r.getKind()) && !r.getName().contains("/")) {
          int slash = apiVersion.indexOf('/');
          return new ResourceKind(
              slash < 0 ? "" : apiVersion.substring(0, slash),
              slash < 0 ? apiVersion : apiVersion.substring(slash + 1),
              kind,
              r.getName(),
              Boolean.TRUE.equals(r.getNamespaced()));
        }
      }
    }
    throw new ClusterException(
        ClusterException.Reason.NOT_FOUND,
        404,
        "The API server "
            + server
            + " does not serve kind "
            + kind
            + " of "
            + apiVersion
            + " (is its CustomResourceDefinition installed?)",
        null);
  }

  @Override
  public Optional<GenericKubernetesResource> get(ResourceKind kind, String namespace, String name)
      throws ClusterException {
    try {
      return Optional.ofNullable(resource(kind, namespace, name).get());
    } catch (KubernetesClientException e) {
      throw translate(e, "get", kind, namespace, name, null);
    }
  }

  @Override
  public List<GenericKubernetesResource> list(
      ResourceKind kind, String namespace, String labelSelector) throws ClusterException {
    try {
      var op = client.genericKubernetesResources(context(kind));
      var scoped = kind.namespaced() ? op.inNamespace(namespace) : op;
      return (labelSelector == null
              ? scoped.list()
              : scoped.withLabelSelector(labelSelector).list())
          .getItems();
    } catch (KubernetesClientException e) {
      throw translate(e, "list", kind, namespace, null, null);
    }
  }

  @Override
  public GenericKubernetesResource apply(
      ResourceKind kind,
      String namespace,
      GenericKubernetesResource object,
      boolean dryRun,
      boolean forceConflicts)
      throws ClusterException {
    try {
      var op = client.genericKubernetesResources(context(kind));
      Resource<GenericKubernetesResource> resource =
          (kind.namespaced() ? op.inNamespace(namespace) : op).resource(object);
      ServerSideApplicable<GenericKubernetesResource> r =
          (dryRun ? resource.dryRun() : resource).fieldManager(FIELD_MANAGER);
      if (forceConflicts) {
        r = r.forceConflicts();
      }
      return r.serverSideApply();
    } catch (KubernetesClientException e) {
      throw translate(e, "patch", kind, namespace, object.getMetadata().getName(), null);
    }
  }

  @Override
  public GenericKubernetesResource mergePatch(
      ResourceKind kind, String namespace, String name, String subresource, String patch)
      throws ClusterException {
    PatchContext context =
        new PatchContext.Builder()
            .withPatchType(PatchType.JSON_MERGE)
            .withFieldManager(FIELD_MANAGER)
            .build();
    try {
      Resource<GenericKubernetesResource> r = resource(kind, namespace, name);
      return subresource == null
          ? r.patch(context, patch)
          : r.subresource(subresource).patch(context, patch);
    } catch (KubernetesClientException e) {
      throw translate(e, "patch", kind, namespace, name, subresource);
    }
  }

  @Override
  public GenericKubernetesResource update(
      ResourceKind kind, String namespace, GenericKubernetesResource object)
      throws ClusterException {
    try {
      var op = client.genericKubernetesResources(context(kind));
      // The field manager of an update is the client's user agent, as with kubectl's own updates.
      return (kind.namespaced() ? op.inNamespace(namespace) : op).resource(object).update();
    } catch (KubernetesClientException e) {
      throw translate(e, "update", kind, namespace, object.getMetadata().getName(), null);
    }
  }

  @Override
  public AutoCloseable watch(
      ResourceKind kind,
      String namespace,
      String name,
      Runnable onChange,
      Consumer<ClusterException> onClosed)
      throws ClusterException {
    Watcher<GenericKubernetesResource> watcher =
        new Watcher<>() {
          @Override
          public void eventReceived(Action action, GenericKubernetesResource resource) {
            onChange.run();
          }

          @Override
          public void onClose(WatcherException cause) {
            onClosed.accept(
                translate(cause.asClientException(), "watch", kind, namespace, name, null));
          }
        };
    try {
      var op = client.genericKubernetesResources(context(kind));
      NonNamespaceOperation<
              GenericKubernetesResource,
              GenericKubernetesResourceList,
              Resource<GenericKubernetesResource>>
          scoped = kind.namespaced() ? op.inNamespace(namespace) : op;
      Watch watch = name == null ? scoped.watch(watcher) : scoped.withName(name).watch(watcher);
      return watch::close;
    } catch (KubernetesClientException e) {
      throw translate(e, "watch", kind, namespace, name, null);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private Resource<GenericKubernetesResource> resource(
      ResourceKind kind, String namespace, String name) {
    var op = client.genericKubernetesResources(context(kind));
    return kind.namespaced() ? op.inNamespace(namespace).withName(name) : op.withName(name);
  }

  static ResourceDefinitionContext context(ResourceKind kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.group())
        .withVersion(kind.version())
        .withKind(kind.kind())
        .withPlural(kind.plural())
        .withNamespaced(kind.namespaced())
        .build();
  }

  private ClusterException translate(
      KubernetesClientException e,
      String verb,
      ResourceKind kind,
      String namespace,
      String name,
      String subresource) {
    String what = kind.resource() + (subresource == null ? "" : "/" + subresource);
    return translate(e, verb, what, kind.namespaced() ? namespace : null, name, kind.group());
  }

  /**
   * The message of a failed request: the verb and resource (RBAC's terms), the object and
   * namespace, the server, what the server said, and what to do.
   */
  ClusterException translate(
      KubernetesClientException e,
      String verb,
      String resource,
      String namespace,
      String name,
      String group) {
    String request =
        verb
            + " "
            + resource
            + (name == null ? "" : " \"" + name + "\"")
            + (namespace == null ? "" : " in namespace \"" + namespace + "\"");
    int code = e.getCode();
    String said = serverMessage(e);
    Throwable cause = rootCause(e);
    Throwable network = networkCause(e);
    if (code <= 0 && network != null) {
      cause = network;
      return new ClusterException(
          ClusterException.Reason.UNREACHABLE,
          0,
          "Cannot reach the API server "
              + server
              + " ("
              + request
              + "): "
              + describe(cause)
              + "; check the cluster address in the kubeconfig, the network"
              + " and the kube context (paramkernel.kube.context)",
          e);
    }
    String base =
        "The API server "
            + server
            + " refused to "
            + request
            + " (HTTP "
            + code
            + ")"
            + (said.isEmpty() ? "" : ": " + said);
    return switch (code) {
      case 401 ->
          new ClusterException(
              ClusterException.Reason.UNAUTHORIZED,
              code,
              base + "; the credentials of the kube context were not accepted (expired token?)",
              e);
      case 403 ->
          new ClusterException(
              ClusterException.Reason.FORBIDDEN,
              code,
              base
                  + "; grant the verb '"
                  + verb
                  + "' on resource '"
                  + resource.replaceFirst("\\..*?(/|$)", "$1")
                  + "'"
                  + (group == null || group.isEmpty() ? "" : " in API group '" + group + "'")
                  + " to the identity of the kube context (RBAC Role or ClusterRole)",
              e);
      case 404 ->
          new ClusterException(
              ClusterException.Reason.NOT_FOUND,
              code,
              base + "; check the name and the namespace (paramkernel.namespace)",
              e);
      case 409 -> new ClusterException(ClusterException.Reason.CONFLICT, code, base, e);
      case 400, 415, 422 -> new ClusterException(ClusterException.Reason.INVALID, code, base, e);
      default ->
          new ClusterException(
              ClusterException.Reason.SERVER,
              code,
              code <= 0
                  ? "Request to the API server "
                      + server
                      + " failed ("
                      + request
                      + "): "
                      + describe(cause)
                  : base,
              e);
    };
  }

  private static String serverMessage(KubernetesClientException e) {
    Status status = e.getStatus();
    if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
      return status.getMessage();
    }
    return "";
  }

  /**
   * The first I/O error or timeout in the chain: fabric8 reports a request without an answer with
   * code -1 (or 0), the cause being the connection error or the JDK client's {@code
   * HttpTimeoutException} (an {@code IOException}), or fabric8's own {@code TimeoutException}.
   */
  private static Throwable networkCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof IOException
          || c instanceof TimeoutException
          || c.getClass().getSimpleName().contains("Timeout")) {
        return c;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  /** The server URL without any user information, for messages. */
  static String safeServer(String url) {
    if (url == null) {
      return "(no server)";
    }
    try {
      URI u = URI.create(url);
      if (u.getUserInfo() != null) {
        return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null)
            .toString();
      }
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return "(unparseable server address)";
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
