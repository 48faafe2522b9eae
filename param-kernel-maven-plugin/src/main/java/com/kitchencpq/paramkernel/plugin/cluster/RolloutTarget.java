package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Which Rollout the rollout goals address: {@code paramkernel.rollout.name} (in {@code
 * paramkernel.namespace}, else the kube context's namespace), or else the Rollout of the rendered
 * bundle in the namespace it names.
 *
 * @param namespace the namespace
 * @param name the Rollout's name
 * @param origin where the name came from, for messages
 */
public record RolloutTarget(String namespace, String name, String origin) {

  /**
   * @param bundle the rendered bundle (read only when no name is given)
   * @param bundleDisplay how messages name it
   */
  public static RolloutTarget resolve(
      String name, String namespace, Path bundle, String bundleDisplay, ClusterApi api)
      throws BundleException, IOException {
    if (name != null && !name.isBlank()) {
      String ns =
          namespace != null && !namespace.isBlank() ? namespace.strip() : api.defaultNamespace();
      return new RolloutTarget(ns, name.strip(), PropertyNames.ROLLOUT_NAME);
    }
    Bundle b;
    try {
      b = Bundle.read(bundle, bundleDisplay);
    } catch (BundleException e) {
      throw new BundleException(
          "No Rollout to address: set paramkernel.rollout.name, or render the bundle ("
              + e.getMessage()
              + ")");
    }
    Bundle.Document rollout =
        b.first(ResourceKind.ROLLOUT)
            .orElseThrow(
                () ->
                    new BundleException(
                        bundleDisplay
                            + " holds no Rollout (argoproj.io/v1alpha1); set"
                            + " paramkernel.rollout.name"));
    String ns = BundleApplier.namespaceOf(b, rollout, ResourceKind.ROLLOUT, namespace, api);
    return new RolloutTarget(ns, rollout.name(), bundleDisplay + ":" + rollout.line());
  }

  @Override
  public String toString() {
    return "Rollout " + name + " (namespace " + namespace + ")";
  }
}
