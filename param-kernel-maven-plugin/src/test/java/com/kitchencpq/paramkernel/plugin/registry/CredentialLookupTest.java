package com.kitchencpq.paramkernel.plugin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which settings.xml server ids a registry's credentials are looked up under. */
class CredentialLookupTest {
  @Test
  void settingsServerIdsIncludeTheBareHostAndDockerHubAliases() throws Exception {
    assertThat(CredentialLookup.serverIds(ImageName.parse("127.0.0.1:5000/a/b").registry()))
        .containsExactly("127.0.0.1:5000", "127.0.0.1");
    assertThat(CredentialLookup.serverIds(ImageName.parse("kitchen-cpq/app").registry()))
        .contains("registry-1.docker.io", "docker.io");
  }
}
