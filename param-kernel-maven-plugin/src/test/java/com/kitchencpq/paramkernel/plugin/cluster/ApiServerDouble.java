package com.kitchencpq.paramkernel.plugin.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The API server double of the cluster tests: fabric8's {@code kubernetes-server-mock} in CRUD mode
 * (create, get, list, merge patch, update, watch and status subresources as an API server serves
 * them) on a loopback port, with the Argo Rollouts and prometheus-operator kinds registered as the
 * CRDs declare them (Rollout with a status subresource; AnalysisRun, AnalysisTemplate,
 * ClusterAnalysisTemplate, Experiment without, as in Argo Rollouts v1.9.1 {@code
 * manifests/crds/*-crd.yaml}).
 *
 * <p>It is a double, not a cluster. The CRUD mock answers 415 to server-side apply and ignores
 * {@code dryRun}; this double's own dispatcher records every request (so tests assert the content
 * type, {@code fieldManager}, {@code force} and {@code dryRun=All} of what was sent) and stands in
 * for the apply itself: a missing object is created, an existing one gets the applied fields merged
 * in (a JSON merge patch through the CRUD store, which keeps the resourceVersion when nothing
 * changed, as the API server does), and a dry run answers without storing. What it does not do:
 * field ownership (managedFields, conflicts between managers), removal of fields a manager stopped
 * applying, list merging by key, admission and validation. A suite against a real cluster covers
 * those.
 */
public final class ApiServerDouble implements AutoCloseable {
  public static final String SSA_CONTENT_TYPE = "application/apply-patch+yaml";

  /** One request as the double received it. */
  public record Request(
      String method,
      String path,
      Map<String, String> query,
      String contentType,
      String authorization,
      String body) {
    public String pathWithoutQuery() {
      int q = path.indexOf('?');
      return q < 0 ? path : path.substring(0, q);
    }

    public boolean isWatch() {
      return "true".equals(query.get("watch"));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private final KubernetesMockServer server;
  private final KubernetesMixedDispatcher crud;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> refusals = new LinkedHashMap<>();
  private final Map<String, Integer> refusalsLeft = new LinkedHashMap<>();
  private final Object readMonitor = new Object();

  static {
    // The mock web server logs every request through java.util.logging at INFO.
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
  }

  // The mock server's Context takes an ObjectMapper, and fabric8's own (the one its client
  // reads with) is public only through the deprecated Serialization.jsonMapper().
  @SuppressWarnings("deprecation")
  public ApiServerDouble() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    crud = new KubernetesMixedDispatcher(responses, crds());
    server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            new Recorder(),
            false);
  }

  /** Starts on a free loopback port and returns this. */
  public ApiServerDouble start() {
    server.init(InetAddress.getLoopbackAddress(), 0);
    return this;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    String u = server.url("/");
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** A fabric8 client for the test's side (the "controller"). */
  public KubernetesClient client() {
    return server.createClient();
  }

  /** The {@link ClusterApi} the goals use, connected through a kubeconfig like a user's. */
  public Fabric8ClusterApi clusterApi(Path dir, String namespace)
      throws IOException, ClusterException {
    return clusterApi(dir, namespace, "double-token-" + System.nanoTime());
  }

  /**
   * Like {@link #clusterApi(Path, String)}, with a given bearer token (requests can be told apart
   * by it).
   */
  public Fabric8ClusterApi clusterApi(Path dir, String namespace, String token)
      throws IOException, ClusterException {
    Path kubeconfig = writeKubeconfig(dir.resolve("kubeconfig"), token, namespace);
    return Fabric8ClusterApi.connect(new KubeConnection(List.of(kubeconfig), null, null));
  }

  /** Writes a kubeconfig for this server with a bearer token and a context namespace. */
  public Path writeKubeconfig(Path file, String token, String namespace) throws IOException {
    String text =
        "apiVersion: v1\nkind: Config\n"
            + "clusters:\n- name: double\n  cluster:\n    server: "
            + url()
            + "\n"
            + "users:\n- name: deployer\n  user:\n    token: "
            + token
            + "\n"
            + "contexts:\n- name: double\n  context:\n    cluster: double\n    user: deployer\n"
            + (namespace == null ? "" : "    namespace: " + namespace + "\n")
            + "current-context: double\n";
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text);
    return file;
  }

  /** Every request so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests matching a predicate. */
  public List<Request> requests(Predicate<Request> which) {
    return requests.stream().filter(which).toList();
  }

  /** The writes (POST, PUT, PATCH, DELETE) so far. */
  public List<Request> writes() {
    return requests(r -> !r.method().equals("GET"));
  }

  /**
   * Refuses {@code method} on paths starting with {@code pathPrefix} with this HTTP status (403:
   * RBAC).
   */
  public void refuse(String method, String pathPrefix, int code) {
    refuse(method, pathPrefix, code, Integer.MAX_VALUE);
  }

  /**
   * Like {@link #refuse(String, String, int)}, for the next {@code times} matching requests only.
   */
  public void refuse(String method, String pathPrefix, int code, int times) {
    synchronized (refusals) {
      refusals.put(method + " " + pathPrefix, code);
      refusalsLeft.put(method + " " + pathPrefix, times);
    }
  }

  /** How many plain GETs of exactly this path (no query) the double has answered. */
  public int reads(String path) {
    return (int)
        requests.stream()
            .filter(
                r -> r.method().equals("GET") && !r.isWatch() && r.pathWithoutQuery().equals(path))
            .count();
  }

  /** Waits until the double has answered more than {@code count} GETs of the path. */
  public void awaitReads(String path, int count, long timeoutMillis)
      throws InterruptedException, TimeoutException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (readMonitor) {
      while (reads(path) <= count) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) {
          throw new TimeoutException(
              "no read of " + path + " beyond " + count + " within " + timeoutMillis + " ms");
        }
        readMonitor.wait(left);
      }
    }
  }

  /** The number of requests so far: a mark for {@link #awaitAfter}. */
  public int mark() {
    return requests.size();
  }

  /**
   * Waits for a request after {@code mark} that matches; returns its index (a new mark).
   *
   * @throws TimeoutException when none came in time
   */
  public int awaitAfter(int mark, Predicate<Request> which, long timeoutMillis)
      throws InterruptedException, TimeoutException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (readMonitor) {
      while (true) {
        for (int i = mark; i < requests.size(); i++) {
          if (which.test(requests.get(i))) {
            return i + 1;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) {
          throw new TimeoutException("no matching request within " + timeoutMillis + " ms");
        }
        readMonitor.wait(left);
      }
    }
  }

  /** The stored object at an API path, as JSON, or null. */
  public JsonNode stored(String path) throws IOException {
    MockResponse r = crud.dispatch(request(HttpMethod.GET, path, null, null));
    if (r.code() != 200) {
      return null;
    }
    return JSON.readTree(r.getBody().getBytes());
  }

  @Override
  public void close() {
    server.destroy();
  }

  private static List<CustomResourceDefinitionContext> crds() {
    List<CustomResourceDefinitionContext> list = new ArrayList<>();
    list.add(crd("argoproj.io", "v1alpha1", "Rollout", "rollouts", true, true));
    list.add(crd("argoproj.io", "v1alpha1", "AnalysisRun", "analysisruns", true, false));
    list.add(crd("argoproj.io", "v1alpha1", "AnalysisTemplate", "analysistemplates", true, false));
    list.add(
        crd(
            "argoproj.io",
            "v1alpha1",
            "ClusterAnalysisTemplate",
            "clusteranalysistemplates",
            false,
            false));
    list.add(crd("argoproj.io", "v1alpha1", "Experiment", "experiments", true, false));
    list.add(crd("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors", true, false));
    return list;
  }

  private static CustomResourceDefinitionContext crd(
      String group,
      String version,
      String kind,
      String plural,
      boolean namespaced,
      boolean status) {
    return new CustomResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withScope(namespaced ? "Namespaced" : "Cluster")
        .withStatusSubresource(status)
        .withName(plural + "." + group)
        .build();
  }

  private static RecordedRequest request(
      HttpMethod method, String path, String contentType, String body) {
    Headers.Builder headers = Headers.builder();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    return new RecordedRequest(
        "HTTP/1.1",
        method,
        path,
        headers.build(),
        new Buffer(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
  }

  static Map<String, String> query(String path) {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = URI.create(path).getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        q.put(
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private final class Recorder extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String body = new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
      Request recorded =
          new Request(
              request.getMethod(),
              request.getPath(),
              query(request.getPath()),
              request.getHeader("Content-Type"),
              request.getHeader("Authorization"),
              body);
      // Recorded before it is served: a request recorded after a mark is answered with the state at
      // that mark or later.
      synchronized (readMonitor) {
        requests.add(recorded);
        readMonitor.notifyAll();
      }
      MockResponse response;
      Integer refusal = refusal(recorded);
      if (refusal != null) {
        response =
            status(
                refusal,
                switch (refusal) {
                  case 403 -> "Forbidden";
                  case 404 -> "NotFound";
                  case 409 -> "Conflict";
                  default -> "Refused";
                },
                "refused by the test ("
                    + recorded.method()
                    + " "
                    + recorded.pathWithoutQuery()
                    + ")");
      } else if (recorded.method().equals("PATCH")
          && recorded.contentType() != null
          && recorded.contentType().startsWith(SSA_CONTENT_TYPE)) {
        response = apply(recorded);
      } else if (recorded.method().equals("PATCH")
          && recorded.contentType() != null
          && recorded.contentType().startsWith("application/merge-patch+json")) {
        response = mergePatch(recorded);
      } else {
        response = crud.dispatch(request);
      }
      return response;
    }

    private Integer refusal(Request r) {
      synchronized (refusals) {
        for (Map.Entry<String, Integer> e : refusals.entrySet()) {
          int space = e.getKey().indexOf(' ');
          if (e.getKey().substring(0, space).equals(r.method())
              && r.pathWithoutQuery().startsWith(e.getKey().substring(space + 1))
              && refusalsLeft.get(e.getKey()) > 0) {
            refusalsLeft.merge(e.getKey(), -1, Integer::sum);
            return e.getValue();
          }
        }
      }
      return null;
    }

    /** Stands in for server-side apply; see the class comment for what it leaves out. */
    private MockResponse apply(Request r) {
      JsonNode applied;
      try {
        applied = YAML.readTree(r.body());
      } catch (IOException e) {
        return status(400, "BadRequest", "the apply body is not YAML: " + e.getMessage());
      }
      if (!r.query().containsKey("fieldManager")) {
        return status(400, "BadRequest", "PATCH with apply-patch+yaml requires fieldManager");
      }
      boolean dryRun = "All".equals(r.query().get("dryRun"));
      String path = r.pathWithoutQuery();
      MockResponse existing = crud.dispatch(request(HttpMethod.GET, path, null, null));
      try {
        if (existing.code() == 404) {
          String collection = path.substring(0, path.lastIndexOf('/'));
          if (dryRun) {
            ObjectNode created = applied.deepCopy();
            return new MockResponse()
                .setResponseCode(201)
                .setBody(JSON.writeValueAsString(created));
          }
          MockResponse created =
              crud.dispatch(
                  request(
                      HttpMethod.POST,
                      collection,
                      "application/json",
                      JSON.writeValueAsString(applied)));
          return created;
        }
        JsonNode current = JSON.readTree(existing.getBody().getBytes());
        JsonNode merged = merge(current, applied);
        if (dryRun) {
          return new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsString(merged));
        }
        return crud.dispatch(
            request(HttpMethod.PUT, path, "application/json", JSON.writeValueAsString(merged)));
      } catch (IOException e) {
        return status(500, "InternalError", e.toString());
      }
    }
  }

  /**
   * A JSON merge patch as RFC 7386 defines it (the CRUD mock's own merge appends to arrays and
   * keeps nulls): the patched object goes to the CRUD store as a PUT of the same path, so the
   * status subresource rules and the resourceVersion bookkeeping stay the mock's.
   */
  private MockResponse mergePatch(Request r) {
    String path = r.pathWithoutQuery();
    String objectPath =
        path.endsWith("/status") ? path.substring(0, path.length() - "/status".length()) : path;
    MockResponse existing = crud.dispatch(request(HttpMethod.GET, objectPath, null, null));
    if (existing.code() != 200) {
      return existing;
    }
    try {
      JsonNode merged =
          merge(JSON.readTree(existing.getBody().getBytes()), JSON.readTree(r.body()));
      return crud.dispatch(
          request(HttpMethod.PUT, path, "application/json", JSON.writeValueAsString(merged)));
    } catch (IOException e) {
      return status(400, "BadRequest", "the merge patch is not JSON: " + e.getMessage());
    }
  }

  /** RFC 7386: objects merge key by key, null removes, everything else (arrays too) replaces. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JSON.createObjectNode();
    patch
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isNull()) {
                result.remove(e.getKey());
              } else {
                result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue()));
              }
            });
    return result;
  }

  private static MockResponse status(int code, String reason, String message) {
    return new MockResponse()
        .setResponseCode(code)
        .setBody(
            Serialization.asJson(
                new StatusBuilder()
                    .withStatus("Failure")
                    .withCode(code)
                    .withReason(reason)
                    .withMessage(message)
                    .build()));
  }
}
