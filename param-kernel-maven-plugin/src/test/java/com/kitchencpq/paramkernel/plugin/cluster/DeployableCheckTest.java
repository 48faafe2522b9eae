package com.kitchencpq.paramkernel.plugin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployableCheckTest {
  @TempDir Path dir;

  @Test
  void aRegistryDigestOrNoDigestJsonPasses() throws Exception {
    Path file = ShippedBundle.write(dir.resolve("a"), ShippedBundle.DIGEST, "registry");
    assertThatCode(
            () ->
                DeployableCheck.requireDeployable(
                    ShippedBundle.read(file), file.resolveSibling("digest.json"), "digest.json"))
        .doesNotThrowAnyException();
    Path bare = ShippedBundle.write(dir.resolve("b"), ShippedBundle.DIGEST, null);
    assertThatCode(
            () ->
                DeployableCheck.requireDeployable(
                    ShippedBundle.read(bare), bare.resolveSibling("digest.json"), "digest.json"))
        .doesNotThrowAnyException();
  }

  @Test
  void aDigestFromALocalImageIsRefused() throws Exception {
    Path file = ShippedBundle.write(dir, ShippedBundle.DIGEST, "local");
    assertThatThrownBy(
            () ->
                DeployableCheck.requireDeployable(
                    ShippedBundle.read(file),
                    file.resolveSibling("digest.json"),
                    "artifacts/param-kernel/digest.json"))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining(
            "artifacts/param-kernel/digest.json says its digest " + ShippedBundle.DIGEST)
        .hasMessageContaining("\"source\": \"local\"")
        .hasMessageContaining("LOCAL PREVIEW");
  }

  @Test
  void everyUnpinnedImageIsListedWithItsPosition() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("b.yaml"),
            "apiVersion: apps/v1\n"
                + "kind: Deployment\n"
                + "metadata:\n"
                + "  name: web\n"
                + "spec:\n"
                + "  template:\n"
                + "    spec:\n"
                + "      containers:\n"
                + "        - name: a\n"
                + "          image: nginx\n"
                + "        - name: b\n"
                + "          image: x@sha256:"
                + "A".repeat(64)
                + "\n"
                + "        - name: c\n          image: x@sha256:"
                + "a".repeat(64)
                + "\n");
    assertThatThrownBy(
            () ->
                DeployableCheck.requireDeployable(
                    Bundle.read(file, "b.yaml"), dir.resolve("digest.json"), "digest.json"))
        .hasMessageContaining(
            "b.yaml:10:18: Deployment web spec.template.spec.containers[0].image is 'nginx'")
        .hasMessageContaining(
            "b.yaml:12:18: Deployment web spec.template.spec.containers[1].image is 'x@sha256:AAAA")
        .hasMessageNotContaining("containers[2]");
  }

  @Test
  void aBrokenDigestJsonIsNamed() throws Exception {
    Path file = ShippedBundle.write(dir, ShippedBundle.DIGEST, null);
    Files.writeString(file.resolveSibling("digest.json"), "{ nope");
    assertThatThrownBy(
            () ->
                DeployableCheck.requireDeployable(
                    ShippedBundle.read(file), file.resolveSibling("digest.json"), "digest.json"))
        .hasMessageStartingWith("digest.json: not valid JSON")
        .hasMessageContaining("run resolve-digest again");
  }

  @Test
  void bundleDocumentsKeepTheirLinesAndStringScalars() throws Exception {
    Path written = ShippedBundle.write(dir, ShippedBundle.DIGEST, null);
    Bundle b = ShippedBundle.read(written);
    assertThat(b.documents())
        .extracting(Bundle.Document::kind)
        .containsExactly(
            "Service",
            "Service",
            "ServiceMonitor",
            "AnalysisTemplate",
            "AnalysisTemplate",
            "Rollout");
    // the first document starts at its first key, below the header comments
    List<String> lines = Files.readAllLines(written);
    assertThat(b.documents().get(0).line()).isEqualTo(lines.indexOf("apiVersion: v1") + 1);
    assertThat(b.documents().get(0).line()).isGreaterThan(1);
    assertThat(b.first(ResourceKind.ROLLOUT).orElseThrow().images()).hasSize(1);
    Path dates =
        Files.writeString(
            dir.resolve("d.yaml"),
            "apiVersion: v1\n"
                + "kind: ConfigMap\n"
                + "metadata:\n"
                + "  name: m\n"
                + "data:\n"
                + "  day: 2026-01-01\n"
                + "  on: yes\n");
    Object data =
        Bundle.read(dates, "d.yaml")
            .documents()
            .get(0)
            .object()
            .getAdditionalProperties()
            .get("data");
    assertThat(data).isEqualTo(java.util.Map.of("day", "2026-01-01", "true", true));
  }

  @Test
  void aDocumentThatIsNoKubernetesObjectIsNamedWithItsLine() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("m.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: just-a-name\n");
    assertThatThrownBy(() -> Bundle.read(file, "m.yaml"))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith("m.yaml:6: not a Kubernetes object")
        .hasMessageContaining("metadata");
  }
}
