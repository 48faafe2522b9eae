package com.kitchencpq.paramkernel.plugin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void masksEverySecretLongestFirst() {
    assertThat(Secrets.redact("value abc123xyz and abc123 here", List.of("abc123", "abc123xyz")))
        .isEqualTo("value **** and **** here");
  }

  @Test
  void ignoresBlankAndTinyValuesThatWouldMaskOrdinaryText() {
    assertThat(Secrets.redact("a b", Arrays.asList(null, "", " ", "a"))).isEqualTo("a b");
  }

  /** A two-character secret stays in ordinary words, and is masked where credentials go. */
  @Test
  void aShortSecretIsMaskedWhereACredentialIsWrittenAndNowhereElse() {
    List<String> known = Secrets.renderings(new RegistryCredential("ci", "ab", "test"));
    assertThat(Secrets.redact("about a tab: ab", known)).isEqualTo("about a tab: ab");
    assertThat(Secrets.redact("GET https://other:ab@registry.example/v2/ -> 401", known))
        .isEqualTo("GET https://other:****@registry.example/v2/ -> 401");
    assertThat(Secrets.redact("password=ab; PARAMKERNEL_REGISTRY_PASSWORD=ab", known))
        .isEqualTo("password=****; PARAMKERNEL_REGISTRY_PASSWORD=****");
    assertThat(Secrets.redact("{\"username\":\"ci\",\"password\":\"ab\"}", known))
        .isEqualTo("{\"username\":\"ci\",\"password\":\"****\"}");
    assertThat(Secrets.redact("login with ci:ab", known)).isEqualTo("login with ****");
  }

  @Test
  void theBasicValueIsMaskedAloneAndInItsHeaderPaddedOrNot() {
    RegistryCredential c = new RegistryCredential("ci", "q~", "test");
    String basic = Base64.getEncoder().encodeToString("ci:q~".getBytes(StandardCharsets.UTF_8));
    assertThat(basic).endsWith("=");
    List<String> known = Secrets.renderings(c);
    assertThat(Secrets.redact("value " + basic + " and " + basic.replace("=", "") + ".", known))
        .isEqualTo("value **** and ****.");
    assertThat(Secrets.redact("Authorization: Basic " + basic, known))
        .isEqualTo("Authorization: Basic ****");
    assertThat(Secrets.redact("Authorization: Basic " + basic, List.of()))
        .as("a header value is masked even when the credential is not known")
        .isEqualTo("Authorization: Basic ****");
  }

  @Test
  void unknownValuesInCredentialPlacesAreMasked() {
    assertThat(Secrets.redact("http-outgoing-0 >> Authorization: Bearer eyJhbGciOi.x.y", null))
        .isEqualTo("http-outgoing-0 >> Authorization: Bearer ****");
    assertThat(Secrets.redact("proxy-authorization=Basic Zm9v", List.of()))
        .isEqualTo("proxy-authorization=Basic ****");
    assertThat(
            Secrets.redact(
                "{\"token\":\"t0k\",\"access_token\":\"t1k\",\"auths\":{\"r\":"
                    + "{\"auth\":\"Y2k6YWI=\"}}}",
                List.of()))
        .isEqualTo(
            "{\"token\":\"****\",\"access_token\":\"****\",\"auths\":{\"r\":"
                + "{\"auth\":\"****\"}}}");
  }

  @Test
  void thePluginsOwnMessagesAreLeftAlone() {
    String[] messages = {
      "registry 127.0.0.1:5000 refused kitchen-cpq/app with credentials from environment"
          + " PARAMKERNEL_REGISTRY_USERNAME (HTTP 401, UNAUTHORIZED). Check those credentials, or"
          + " configure others: a <server> with id '127.0.0.1:5000' in Maven settings.xml, the"
          + " environment variables PARAMKERNEL_REGISTRY_USERNAME/PARAMKERNEL_REGISTRY_PASSWORD, or"
          + " a Docker login (config.json in $DOCKER_CONFIG or ~/.docker, or a credential helper)",
      "the token service of registry ghcr.io:443 refused a pull token for o/app",
      "Resolved 127.0.0.1:5000/kitchen-cpq/app:latest -> sha256:"
          + "a".repeat(64)
          + " (from registry 127.0.0.1:5000)",
      "HEAD http://127.0.0.1:5000/v2/kitchen-cpq/app/manifests/latest -> 200",
      "image ghcr.io/o/app@sha256:" + "b".repeat(64),
      "-Dparamkernel.sendCredentialsOverHttp=true, Basic authentication",
    };
    for (String m : messages) {
      assertThat(Secrets.redact(m, List.of())).isEqualTo(m);
    }
  }

  @Test
  void renderingsOfACredentialWithoutSecretAreNone() {
    assertThat(Secrets.renderings(new RegistryCredential("ci", "", "x"))).isEmpty();
    assertThat(Secrets.renderings(null)).isEmpty();
  }

  @Test
  void credentialToStringNeverShowsTheSecret() {
    RegistryCredential c = new RegistryCredential("ci", "pa55-word!", "environment X");
    assertThat(c.toString()).doesNotContain("pa55-word!").contains("ci", "environment X");
    assertThat(Optional.of(c).toString()).doesNotContain("pa55-word!");
  }
}
