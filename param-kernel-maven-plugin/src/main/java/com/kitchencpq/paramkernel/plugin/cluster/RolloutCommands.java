package com.kitchencpq.paramkernel.plugin.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The changes {@code kubectl argo rollouts promote | abort | retry rollout | set image} make,
 * request for request, ported from Argo Rollouts v1.9.1 {@code pkg/kubectl-argo-rollouts/cmd/}. The
 * patch bodies are upstream's constants byte for byte; the order of the requests and the fallbacks
 * (status subresource first, the whole object when the server has no status subresource) are
 * upstream's too. Writes carry the field manager {@code param-kernel} where upstream's client
 * leaves it to the server's default.
 */
public final class RolloutCommands {
  // promote.go
  static final String UNPAUSE_PATCH = "{\"spec\":{\"paused\":false}}";
  static final String CLEAR_PAUSE_CONDITIONS_PATCH = "{\"status\":{\"pauseConditions\":null}}";
  static final String CLEAR_PAUSE_CONDITIONS_AND_CONTROLLER_PAUSE_PATCH =
      "{\"status\":{\"pauseConditions\":null, \"controllerPause\":false, \"currentStepIndex\":%d}}";
  static final String UNPAUSE_AND_CLEAR_PAUSE_CONDITIONS_PATCH =
      "{\"spec\":{\"paused\":false},\"status\":{\"pauseConditions\":null}}";
  static final String PROMOTE_FULL_PATCH = "{\"status\":{\"promoteFull\":true}}";
  static final String CLEAR_PAUSE_CONDITIONS_PATCH_WITH_STEP =
      "{\"status\":{\"pauseConditions\":null, \"currentStepIndex\":%d}}";
  static final String UNPAUSE_AND_CLEAR_PAUSE_CONDITIONS_PATCH_WITH_STEP =
      "{\"spec\":{\"paused\":false},\"status\":{\"pauseConditions\":null,"
          + " \"currentStepIndex\":%d}}";
  static final String UNPAUSE_AND_PROMOTE_FULL_PATCH =
      "{\"spec\":{\"paused\":false},\"status\":{\"promoteFull\":true}}";
  // abort.go, retry.go
  static final String ABORT_PATCH = "{\"status\":{\"abort\":true}}";
  static final String RETRY_ROLLOUT_PATCH = "{\"status\":{\"abort\":false}}";

  /** set_image.go: attempts of the get-modify-update cycle when the update meets a conflict. */
  static final int SET_IMAGE_MAX_ATTEMPTS = 5;

  private final ClusterApi api;

  public RolloutCommands(ClusterApi api) {
    this.api = api;
  }

  /** One request a command sent: {@code status} or {@code spec} merge patch, or {@code update}. */
  public record Request(String target, String body) {}

  /**
   * What a command did.
   *
   * @param message the line kubectl's plugin prints ({@code rollout 'x' promoted})
   * @param requests the writes, in order
   * @param result the object as the server last answered
   */
  public record Outcome(String message, List<Request> requests, GenericKubernetesResource result) {
    public Outcome {
      requests = List.copyOf(requests);
    }
  }

  /** The three patches of {@code getPatches}; each may be null. */
  record Patches(String spec, String status, String unified) {}

  /**
   * {@code PromoteRollout} of {@code cmd/promote/promote.go} with neither deprecated skip flag: one
   * step (clears pause conditions, or moves on past the current step), or with {@code full} the
   * whole update ({@code status.promoteFull}).
   */
  public Outcome promote(String namespace, String name, boolean full) throws ClusterException {
    GenericKubernetesResource ro = require(namespace, name);
    Patches patches = patches(Nodes.tree(ro), full);
    List<Request> requests = new ArrayList<>();
    String specPatch = patches.spec();
    GenericKubernetesResource result = ro;
    if (patches.status() != null) {
      try {
        requests.add(new Request("status", patches.status()));
        result = api.mergePatch(ResourceKind.ROLLOUT, namespace, name, "status", patches.status());
      } catch (ClusterException e) {
        if (e.reason() != ClusterException.Reason.NOT_FOUND) {
          throw e;
        }
        // No status subresource (controllers before v0.10): one patch of spec and status together.
        specPatch = patches.unified();
      }
    }
    if (specPatch != null) {
      requests.add(new Request("spec", specPatch));
      result = api.mergePatch(ResourceKind.ROLLOUT, namespace, name, null, specPatch);
    }
    return new Outcome(
        "rollout '" + name + "' " + (full ? "fully promoted" : "promoted"), requests, result);
  }

  /**
   * {@code getPatches} of {@code cmd/promote/promote.go}, for the default and the {@code --full}
   * case.
   */
  static Patches patches(JsonNode rollout, boolean full) {
    boolean paused = Nodes.bool(rollout, "spec", "paused");
    if (full) {
      String spec = paused ? UNPAUSE_PATCH : null;
      String status =
          Nodes.text(rollout, "status", "currentPodHash")
                  .equals(Nodes.text(rollout, "status", "stableRS"))
              ? null
              : PROMOTE_FULL_PATCH;
      return new Patches(spec, status, UNPAUSE_AND_PROMOTE_FULL_PATCH);
    }
    String unified = UNPAUSE_AND_CLEAR_PAUSE_CONDITIONS_PATCH;
    String spec = paused ? UNPAUSE_PATCH : null;
    String status = null;
    int pauseConditions = RolloutPhases.pauseConditionCount(rollout);
    boolean canary = Nodes.at(rollout, "spec", "strategy", "canary").isObject();
    if (inconclusive(rollout)
        && pauseConditions > 0
        && Nodes.bool(rollout, "status", "controllerPause")) {
      Integer index = nextIndex(rollout);
      if (index != null) {
        status = String.format(CLEAR_PAUSE_CONDITIONS_AND_CONTROLLER_PAUSE_PATCH, index);
      }
    } else if (pauseConditions > 0) {
      status = CLEAR_PAUSE_CONDITIONS_PATCH;
    } else if (canary) {
      Integer index = nextIndex(rollout);
      if (index != null) {
        status = String.format(CLEAR_PAUSE_CONDITIONS_PATCH_WITH_STEP, index);
        unified = String.format(UNPAUSE_AND_CLEAR_PAUSE_CONDITIONS_PATCH_WITH_STEP, index);
      }
    }
    return new Patches(spec, status, unified);
  }

  /** {@code isInconclusive}: a canary whose current step's AnalysisRun is Inconclusive. */
  static boolean inconclusive(JsonNode rollout) {
    return Nodes.at(rollout, "spec", "strategy", "canary").isObject()
        && "Inconclusive"
            .equals(
                Nodes.text(rollout, "status", "canary", "currentStepAnalysisRunStatus", "status"));
  }

  /** The current step index plus one, not past the number of steps; null without steps. */
  private static Integer nextIndex(JsonNode rollout) {
    Integer index = RolloutPhases.currentStepIndex(rollout);
    if (index == null) {
      return null;
    }
    int steps = Nodes.at(rollout, "spec", "strategy", "canary", "steps").size();
    return index < steps ? index + 1 : index;
  }

  /** {@code AbortRollout} of {@code cmd/abort/abort.go}. */
  public Outcome abort(String namespace, String name) throws ClusterException {
    return statusFirst(namespace, name, ABORT_PATCH, "rollout '" + name + "' aborted");
  }

  /** {@code RetryRollout} of {@code cmd/retry/retry.go}. */
  public Outcome retry(String namespace, String name) throws ClusterException {
    return statusFirst(namespace, name, RETRY_ROLLOUT_PATCH, "rollout '" + name + "' retried");
  }

  /** The status subresource first; the object itself when the server has none (NotFound). */
  private Outcome statusFirst(String namespace, String name, String patch, String message)
      throws ClusterException {
    List<Request> requests = new ArrayList<>();
    requests.add(new Request("status", patch));
    GenericKubernetesResource result;
    try {
      result = api.mergePatch(ResourceKind.ROLLOUT, namespace, name, "status", patch);
    } catch (ClusterException e) {
      if (e.reason() != ClusterException.Reason.NOT_FOUND) {
        throw e;
      }
      requests.add(new Request("spec", patch));
      result = api.mergePatch(ResourceKind.ROLLOUT, namespace, name, null, patch);
    }
    return new Outcome(message, requests, result);
  }

  /**
   * {@code SetImage} / {@code newRolloutSetImage} of {@code cmd/set/set_image.go}: reads the
   * Rollout (or the Deployment of its {@code spec.workloadRef}), sets the image of every init,
   * regular and ephemeral container of that name ({@code *}: all) and updates the whole object,
   * starting over on a conflict up to five times.
   *
   * @param container the container name, {@code *} for all, or null for the only container of
   *     {@code spec.template.spec.containers}
   */
  public Outcome setImage(String namespace, String name, String container, String image)
      throws ClusterException, BundleException {
    List<Request> requests = new ArrayList<>();
    ClusterException conflict = null;
    for (int attempt = 0; attempt < SET_IMAGE_MAX_ATTEMPTS; attempt++) {
      GenericKubernetesResource ro = require(namespace, name);
      JsonNode workloadRef = Nodes.at(Nodes.tree(ro), "spec", "workloadRef");
      ResourceKind kind = ResourceKind.ROLLOUT;
      GenericKubernetesResource target = ro;
      if (workloadRef.isObject()) {
        if (!workloadRef.path("name").isTextual()) {
          throw new BundleException(
              "Rollout "
                  + name
                  + ": spec.workloadRef.name is not a string: "
                  + workloadRef.path("name"));
        }
        String deployment = workloadRef.path("name").asText();
        kind = ResourceKind.DEPLOYMENT;
        target =
            api.get(kind, namespace, deployment)
                .orElseThrow(
                    () ->
                        new ClusterException(
                            ClusterException.Reason.NOT_FOUND,
                            404,
                            "Deployment \""
                                + deployment
                                + "\" (spec.workloadRef of Rollout \""
                                + name
                                + "\") does not exist in namespace \""
                                + namespace
                                + "\" on "
                                + api.server(),
                            null));
      }
      GenericKubernetesResource updated =
          withImage(target, containerName(target, container), image);
      requests.add(new Request("update", Serialization.asJson(updated)));
      try {
        GenericKubernetesResource result = api.update(kind, namespace, updated);
        return new Outcome(
            kind.kind().toLowerCase(java.util.Locale.ROOT)
                + " \""
                + result.getMetadata().getName()
                + "\" image updated",
            requests,
            result);
      } catch (ClusterException e) {
        if (e.reason() != ClusterException.Reason.CONFLICT) {
          throw e;
        }
        conflict = e;
      }
    }
    throw conflict;
  }

  /** The container to change: the given name, or the only container when none is given. */
  static String containerName(GenericKubernetesResource target, String container)
      throws BundleException {
    if (container != null && !container.isBlank()) {
      return container.strip();
    }
    JsonNode containers = Nodes.at(Nodes.tree(target), "spec", "template", "spec", "containers");
    if (containers.size() == 1) {
      return containers.get(0).path("name").asText();
    }
    List<String> names = new ArrayList<>();
    containers.forEach(c -> names.add(c.path("name").asText()));
    throw new BundleException(
        target.getKind()
            + " "
            + target.getMetadata().getName()
            + " has "
            + names.size()
            + " containers "
            + names
            + ": name one with paramkernel.setImage.container (or * for all)");
  }

  /**
   * {@code newRolloutSetImage}: a copy with the image set; fails when no container has the name.
   */
  @SuppressWarnings("unchecked")
  static GenericKubernetesResource withImage(
      GenericKubernetesResource original, String container, String image) throws BundleException {
    GenericKubernetesResource copy = Nodes.resource(original);
    boolean found = false;
    Object spec = copy.getAdditionalProperties().get("spec");
    Object template = spec instanceof Map<?, ?> s ? s.get("template") : null;
    Object podSpec = template instanceof Map<?, ?> t ? t.get("spec") : null;
    if (podSpec instanceof Map<?, ?> ps) {
      for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
        if (ps.get(field) instanceof List<?> list) {
          for (Object c : list) {
            if (c instanceof Map<?, ?> ctr
                && (container.equals(ctr.get("name")) || "*".equals(container))) {
              ((Map<String, Object>) ctr).put("image", image);
              found = true;
            }
          }
        }
      }
    }
    if (!found) {
      throw new BundleException(
          "unable to find container named \""
              + container
              + "\" in "
              + original.getKind()
              + " "
              + original.getMetadata().getName()
              + " (paramkernel.setImage.container)");
    }
    return copy;
  }

  private GenericKubernetesResource require(String namespace, String name) throws ClusterException {
    return api.get(ResourceKind.ROLLOUT, namespace, name)
        .orElseThrow(
            () ->
                new ClusterException(
                    ClusterException.Reason.NOT_FOUND,
                    404,
                    "Rollout \""
                        + name
                        + "\" does not exist in namespace \""
                        + namespace
                        + "\" on "
                        + api.server()
                        + "; check paramkernel.rollout.name and paramkernel.namespace",
                    null));
  }
}
