package com.kitchencpq.paramkernel.plugin.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code kubectl apply --server-side --field-manager=param-kernel} for a rendered bundle: every
 * document in file order, each into the namespace it names (or {@code paramkernel.namespace}, or
 * the kube context's), reporting per document whether it was created, configured or unchanged.
 *
 * <p><b>How the outcome is decided.</b> Before each apply the object is read (GET). Absent: {@code
 * created}. Present: a real apply is {@code unchanged} when the server kept the object's {@code
 * resourceVersion}, {@code configured} when it stored a new one. The API server does not write an
 * apply that changes nothing but managedFields timestamps ({@code
 * k8s.io/apiserver/pkg/registry/generic/registry/store.go}, {@code Store.Update} calling {@code
 * fieldmanager.IgnoreManagedFieldsTimestampsTransformer}), so the resourceVersion is what tells. A
 * server-side dry run stores nothing and keeps the resourceVersion either way, so there the answer
 * is compared with the object as it was, without the fields the server maintains (managedFields,
 * resourceVersion, generation, uid, creationTimestamp) and without status.
 *
 * <p><b>Conflicts.</b> By default the apply does not force: when another field manager (someone's
 * {@code kubectl edit}, an autoscaler, another pipeline) owns a field the bundle sets, the server
 * refuses with a conflict that names the field and the manager, and the goal fails. Overwriting
 * would silently undo a deliberate change; {@code paramkernel.apply.forceConflicts=true} takes the
 * fields over when that is what is wanted (for example once, when moving a bundle from client-side
 * {@code kubectl apply} to this goal).
 *
 * <p>All kinds and namespaces are resolved before the first write, so a bundle with an unknown kind
 * or a namespace mismatch changes nothing.
 */
public final class BundleApplier {

  /** What an apply did to one object. */
  public enum Outcome {
    CREATED("created"),
    CONFIGURED("configured"),
    UNCHANGED("unchanged");

    private final String word;

    Outcome(String word) {
      this.word = word;
    }

    /** kubectl's word for it. */
    public String word() {
      return word;
    }
  }

  /** The goal's settings. */
  public record Options(String namespaceOverride, boolean dryRun, boolean forceConflicts) {}

  /**
   * One document's result.
   *
   * @param line where the document starts in the bundle
   * @param namespace the namespace it went into, null for a cluster-scoped kind
   */
  public record Applied(
      int index,
      int line,
      ResourceKind kind,
      String namespace,
      String name,
      Outcome outcome,
      boolean dryRun) {

    /**
     * kubectl's line: {@code rollout.argoproj.io/param-kernel-service configured}, plus namespace
     * and dry run.
     */
    public String describe() {
      return kind.kubectlName()
          + "/"
          + name
          + (namespace == null ? "" : " (namespace " + namespace + ")")
          + " "
          + outcome.word()
          + (dryRun ? " (server dry run)" : "");
    }
  }

  private record Planned(Bundle.Document document, ResourceKind kind, String namespace) {}

  /**
   * Applies the bundle.
   *
   * @param onEach called after each document, in order (for the log)
   * @throws BundleException when a document's namespace contradicts {@code paramkernel.namespace}
   * @throws ClusterException when a request fails; documents before it stay applied
   */
  public List<Applied> apply(
      Bundle bundle, ClusterApi api, Options options, Consumer<Applied> onEach)
      throws BundleException, ClusterException {
    List<Planned> plan = new ArrayList<>();
    for (Bundle.Document d : bundle.documents()) {
      ResourceKind kind = api.kindOf(d.apiVersion(), d.kind());
      plan.add(
          new Planned(d, kind, namespaceOf(bundle, d, kind, options.namespaceOverride(), api)));
    }
    List<Applied> results = new ArrayList<>();
    for (Planned p : plan) {
      Bundle.Document d = p.document();
      GenericKubernetesResource object = copy(d.object());
      if (p.namespace() != null) {
        object.getMetadata().setNamespace(p.namespace());
      }
      Optional<GenericKubernetesResource> before = api.get(p.kind(), p.namespace(), d.name());
      GenericKubernetesResource after =
          api.apply(p.kind(), p.namespace(), object, options.dryRun(), options.forceConflicts());
      Outcome outcome = outcome(before.orElse(null), after, options.dryRun());
      Applied applied =
          new Applied(
              d.index(), d.line(), p.kind(), p.namespace(), d.name(), outcome, options.dryRun());
      results.add(applied);
      onEach.accept(applied);
    }
    return List.copyOf(results);
  }

  static String namespaceOf(
      Bundle bundle, Bundle.Document d, ResourceKind kind, String override, ClusterApi api)
      throws BundleException {
    if (!kind.namespaced()) {
      return null;
    }
    String own = d.namespace();
    if (own != null && !own.isBlank()) {
      if (override != null && !override.isBlank() && !own.equals(override.strip())) {
        throw new BundleException(
            bundle.display()
                + ":"
                + d.line()
                + ": "
                + d.kind()
                + " "
                + d.name()
                + " names namespace "
                + own
                + ", but paramkernel.namespace="
                + override.strip()
                + "; remove the namespace from the bundle or set paramkernel.namespace="
                + own);
      }
      return own;
    }
    return override != null && !override.isBlank() ? override.strip() : api.defaultNamespace();
  }

  static Outcome outcome(
      GenericKubernetesResource before, GenericKubernetesResource after, boolean dryRun) {
    if (before == null) {
      return Outcome.CREATED;
    }
    if (!dryRun) {
      return Objects.equals(
              before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())
          ? Outcome.UNCHANGED
          : Outcome.CONFIGURED;
    }
    return comparable(before).equals(comparable(after)) ? Outcome.UNCHANGED : Outcome.CONFIGURED;
  }

  /** The object without what the server maintains, for comparing content. */
  static JsonNode comparable(GenericKubernetesResource object) {
    ObjectNode node = (ObjectNode) Nodes.tree(object);
    node.remove("status");
    JsonNode metadata = node.get("metadata");
    if (metadata instanceof ObjectNode m) {
      for (String field :
          List.of(
              "managedFields",
              "resourceVersion",
              "generation",
              "uid",
              "creationTimestamp",
              "selfLink")) {
        m.remove(field);
      }
    }
    return node;
  }

  private static GenericKubernetesResource copy(GenericKubernetesResource object) {
    return Nodes.resource(object);
  }
}
