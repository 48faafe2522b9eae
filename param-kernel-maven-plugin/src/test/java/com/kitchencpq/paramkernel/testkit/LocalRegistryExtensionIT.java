package com.kitchencpq.paramkernel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit 5 extension gives each test class one running registry. */
class LocalRegistryExtensionIT {
  @RegisterExtension
  static final LocalRegistryExtension REGISTRY =
      LocalRegistryExtension.withBasicAuth("kit", "kit-Pa55");

  @TempDir Path work;

  @Test
  void registryRunsAndAcceptsItsCredentials() {
    TestImages.Image image = TestImages.image("extension", "arm64");
    LocalRegistry registry = REGISTRY.registry();
    TestImages.push(registry.hostPort(), "kit/ext", image, "kit", "kit-Pa55", "v1");
    assertThat(
            Skopeo.create(work)
                .inspectDigest(registry.hostPort() + "/kit/ext:v1", "kit", "kit-Pa55"))
        .isEqualTo(image.digest());
    assertThat(registry.requiresAuth()).isTrue();
  }
}
