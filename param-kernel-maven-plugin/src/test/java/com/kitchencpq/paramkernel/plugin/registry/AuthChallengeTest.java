package com.kitchencpq.paramkernel.plugin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {
  @Test
  void parsesABearerChallengeWithQuotedParameters() {
    AuthChallenge c =
        AuthChallenge.parse(
                "Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\","
                    + "scope=\"repository:o/app:pull\"")
            .orElseThrow();
    assertThat(c.isBearer()).isTrue();
    assertThat(c.parameter("realm")).hasValue("https://ghcr.io/token");
    assertThat(c.parameter("service")).hasValue("ghcr.io");
    assertThat(c.parameter("scope")).hasValue("repository:o/app:pull");
  }

  @Test
  void parsesBasicCaseInsensitivelyWithSpacesAndBareValues() {
    AuthChallenge c =
        AuthChallenge.parse("basic  Realm = paramkernel-test , charset=\"UTF-8\"").orElseThrow();
    assertThat(c.isBasic()).isTrue();
    assertThat(c.parameter("realm")).hasValue("paramkernel-test");
    assertThat(c.parameter("charset")).hasValue("UTF-8");
  }

  @Test
  void keepsCommasAndEscapesInsideQuotes() {
    AuthChallenge c =
        AuthChallenge.parse(
                "Bearer realm=\"https://x/t\",scope=\"repository:a:pull,push\","
                    + "error=\"say \\\"hi\\\"\"")
            .orElseThrow();
    assertThat(c.parameter("scope")).hasValue("repository:a:pull,push");
    assertThat(c.parameter("error")).hasValue("say \"hi\"");
  }

  @Test
  void emptyOrSchemeLessHeadersGiveNothing() {
    assertThat(AuthChallenge.parse(null)).isEmpty();
    assertThat(AuthChallenge.parse("  ")).isEmpty();
    assertThat(AuthChallenge.parse("realm=\"x\"")).isEmpty();
  }
}
