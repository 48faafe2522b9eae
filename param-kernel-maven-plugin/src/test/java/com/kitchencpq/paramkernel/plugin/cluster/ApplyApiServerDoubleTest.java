package com.kitchencpq.paramkernel.plugin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply against the API server double: the shipped bundle, twice, a dry run, and the request
 * shapes.
 */
class ApplyApiServerDoubleTest {
  private static final String ROLLOUT_PATH =
      "/apis/argoproj.io/v1alpha1/namespaces/kitchen-cpq/rollouts/param-kernel-service";

  @TempDir Path dir;

  private ApiServerDouble server;
  private Fabric8ClusterApi api;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServerDouble().start();
    api = server.clusterApi(dir, null);
  }

  @AfterEach
  void stop() {
    api.close();
    server.close();
  }

  private List<BundleApplier.Applied> apply(Bundle bundle, boolean dryRun) throws Exception {
    List<String> lines = new ArrayList<>();
    List<BundleApplier.Applied> result =
        new BundleApplier()
            .apply(
                bundle,
                api,
                new BundleApplier.Options(null, dryRun, false),
                a -> lines.add(a.describe()));
    assertThat(lines).hasSameSizeAs(result);
    return result;
  }

  @Test
  void theShippedBundleIsCreatedThenUnchanged() throws Exception {
    Bundle bundle = ShippedBundle.read(ShippedBundle.write(dir, ShippedBundle.DIGEST, "registry"));

    List<BundleApplier.Applied> first = apply(bundle, false);
    assertThat(first)
        .extracting(BundleApplier.Applied::describe)
        .containsExactly(
            "service/param-kernel-service (namespace kitchen-cpq) created",
            "service/param-kernel-service-canary (namespace kitchen-cpq) created",
            "servicemonitor.monitoring.coreos.com/param-kernel-service (namespace kitchen-cpq)"
                + " created",
            "analysistemplate.argoproj.io/param-kernel-warmup (namespace kitchen-cpq) created",
            "analysistemplate.argoproj.io/param-kernel-canary-health (namespace kitchen-cpq)"
                + " created",
            "rollout.argoproj.io/param-kernel-service (namespace kitchen-cpq) created");
    JsonNode rollout = server.stored(ROLLOUT_PATH);
    assertThat(rollout.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("kitchen-cpq/param-kernel-service@" + ShippedBundle.DIGEST);
    String version = rollout.at("/metadata/resourceVersion").asText();

    List<BundleApplier.Applied> second = apply(bundle, false);
    assertThat(second)
        .extracting(BundleApplier.Applied::outcome)
        .containsOnly(BundleApplier.Outcome.UNCHANGED)
        .hasSize(6);
    assertThat(server.stored(ROLLOUT_PATH).at("/metadata/resourceVersion").asText())
        .isEqualTo(version);

    // Every document went as a server-side apply by param-kernel, in file order, without force.
    List<ApiServerDouble.Request> applies = server.requests(r -> r.method().equals("PATCH"));
    assertThat(applies)
        .hasSize(12)
        .allSatisfy(
            r -> {
              assertThat(r.contentType()).startsWith("application/apply-patch+yaml");
              assertThat(r.query())
                  .containsEntry("fieldManager", "param-kernel")
                  .doesNotContainKeys("force", "dryRun");
            });
    assertThat(applies.subList(0, 6))
        .extracting(ApiServerDouble.Request::pathWithoutQuery)
        .containsExactly(
            "/api/v1/namespaces/kitchen-cpq/services/param-kernel-service",
            "/api/v1/namespaces/kitchen-cpq/services/param-kernel-service-canary",
            "/apis/monitoring.coreos.com/v1/namespaces/kitchen-cpq/servicemonitors/param-kernel-service",
            "/apis/argoproj.io/v1alpha1/namespaces/kitchen-cpq/analysistemplates/param-kernel-warmup",
            "/apis/argoproj.io/v1alpha1/namespaces/kitchen-cpq/analysistemplates/param-kernel-canary-health",
            ROLLOUT_PATH);
  }

  @Test
  void aChangedDigestConfiguresOnlyTheDocumentsThatNameIt() throws Exception {
    apply(
        ShippedBundle.read(ShippedBundle.write(dir.resolve("a"), ShippedBundle.DIGEST, null)),
        false);
    String other = "sha256:" + "4c".repeat(32);

    List<BundleApplier.Applied> result =
        apply(ShippedBundle.read(ShippedBundle.write(dir.resolve("b"), other, null)), false);

    assertThat(result)
        .extracting(a -> a.name() + " " + a.outcome().word())
        .containsExactly(
            "param-kernel-service unchanged",
            "param-kernel-service-canary unchanged",
            "param-kernel-service unchanged",
            "param-kernel-warmup configured",
            "param-kernel-canary-health unchanged",
            "param-kernel-service configured");
    assertThat(server.stored(ROLLOUT_PATH).at("/spec/template/spec/containers/0/image").asText())
        .endsWith(other);
  }

  @Test
  void aServerDryRunSendsDryRunAllAndChangesNothing() throws Exception {
    Bundle bundle = ShippedBundle.read(ShippedBundle.write(dir, ShippedBundle.DIGEST, "registry"));

    List<BundleApplier.Applied> created = apply(bundle, true);
    assertThat(created)
        .allSatisfy(
            a -> {
              assertThat(a.outcome()).isEqualTo(BundleApplier.Outcome.CREATED);
              assertThat(a.describe()).endsWith(" created (server dry run)");
            });
    assertThat(server.stored(ROLLOUT_PATH)).isNull();

    apply(bundle, false);
    JsonNode before = server.stored(ROLLOUT_PATH);
    Bundle changed =
        ShippedBundle.read(
            ShippedBundle.write(dir.resolve("b"), "sha256:" + "5d".repeat(32), null));
    List<BundleApplier.Applied> dry = apply(changed, true);

    assertThat(dry)
        .extracting(a -> a.outcome().word())
        .containsExactly(
            "unchanged", "unchanged", "unchanged", "configured", "unchanged", "configured");
    assertThat(server.stored(ROLLOUT_PATH)).isEqualTo(before);
    assertThat(
            server.requests(
                r -> r.method().equals("PATCH") && "All".equals(r.query().get("dryRun"))))
        .hasSize(12)
        .allSatisfy(
            r -> {
              assertThat(r.contentType()).startsWith("application/apply-patch+yaml");
              assertThat(r.query()).containsEntry("fieldManager", "param-kernel");
            });
  }

  @Test
  void forceConflictsIsSentOnlyWhenAskedFor() throws Exception {
    Bundle bundle = ShippedBundle.read(ShippedBundle.write(dir, ShippedBundle.DIGEST, null));
    new BundleApplier().apply(bundle, api, new BundleApplier.Options(null, false, true), a -> {});
    assertThat(server.requests(r -> r.method().equals("PATCH")))
        .allSatisfy(r -> assertThat(r.query()).containsEntry("force", "true"));
  }

  @Test
  void aNamespaceThatContradictsTheBundleChangesNothing() throws Exception {
    Bundle bundle = ShippedBundle.read(ShippedBundle.write(dir, ShippedBundle.DIGEST, null));
    assertThatThrownBy(
            () ->
                new BundleApplier()
                    .apply(
                        bundle, api, new BundleApplier.Options("staging", false, false), a -> {}))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("rollout.yaml:")
        .hasMessageContaining("names namespace kitchen-cpq")
        .hasMessageContaining("paramkernel.namespace=staging");
    assertThat(server.writes()).isEmpty();
  }

  @Test
  void aRefusedVerbNamesTheResourceNamespaceAndVerb() throws Exception {
    server.refuse("PATCH", "/apis/argoproj.io/v1alpha1/namespaces/kitchen-cpq/rollouts", 403);
    Bundle bundle = ShippedBundle.read(ShippedBundle.write(dir, ShippedBundle.DIGEST, null));

    assertThatThrownBy(() -> apply(bundle, false))
        .isInstanceOfSatisfying(
            ClusterException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ClusterException.Reason.FORBIDDEN);
              assertThat(e.getMessage())
                  .contains(
                      "patch rollouts.argoproj.io \"param-kernel-service\" in namespace"
                          + " \"kitchen-cpq\"")
                  .contains("HTTP 403")
                  .contains(
                      "grant the verb 'patch' on resource 'rollouts'"
                          + " in API group 'argoproj.io'")
                  .contains(server.url());
            });
  }

  @Test
  void anUnknownKindIsNamedBeforeAnythingIsWritten() throws Exception {
    Path file = dir.resolve("bundle.yaml");
    java.nio.file.Files.writeString(
        file,
        "apiVersion: v1\n"
            + "kind: Service\n"
            + "metadata:\n"
            + "  name: a\n"
            + "  namespace: x\n"
            + "---\n"
            + "apiVersion: example.com/v1\n"
            + "kind: Widget\n"
            + "metadata:\n"
            + "  name: w\n"
            + "  namespace: x\n");
    assertThatThrownBy(() -> apply(Bundle.read(file, "bundle.yaml"), false))
        .isInstanceOfSatisfying(
            ClusterException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("does not serve kind Widget of example.com/v1"));
    assertThat(server.writes()).isEmpty();
  }
}
