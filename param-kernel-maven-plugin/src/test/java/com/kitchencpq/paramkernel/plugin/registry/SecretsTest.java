package com.kitchencpq.paramkernel.plugin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void masksEverySecretLongestFirst() {
    assertThat(Secrets.redact("token abc123xyz and abc123 here", List.of("abc123", "abc123xyz")))
        .isEqualTo("token **** and **** here");
  }

  @Test
  void ignoresBlankAndTinyValuesThatWouldMaskOrdinaryText() {
    assertThat(Secrets.redact("a b", Arrays.asList(null, "", " ", "a"))).isEqualTo("a b");
  }

  @Test
  void credentialToStringNeverShowsTheSecret() {
    RegistryCredential c = new RegistryCredential("ci", "pa55-word!", "environment X");
    assertThat(c.toString()).doesNotContain("pa55-word!").contains("ci", "environment X");
    assertThat(Optional.of(c).toString()).doesNotContain("pa55-word!");
  }
}
