package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestInputTest {
  static final String A = "sha256:" + "a".repeat(64);
  static final String B = "sha256:" + "b".repeat(64);
  static final String C = "sha256:" + "c".repeat(64);

  @TempDir Path dir;
  private final DigestInput input =
      new DigestInput("paramkernel.digest", "paramkernel.image.digest");

  private Path digestJson(String content) throws Exception {
    Path file = dir.resolve("digest.json");
    Files.writeString(file, content);
    return file;
  }

  private DigestInput.Choice choose(String explicit, String fromBuild, Path json) throws Exception {
    return input.choose(explicit, fromBuild, json, "artifacts/param-kernel/digest.json");
  }

  @Test
  void theUsersDigestComesFirst() throws Exception {
    Path json = digestJson("{\"digest\":\"" + C + "\"}");
    assertThat(choose(" " + A + " ", B, json))
        .isEqualTo(new DigestInput.Choice(A, "paramkernel.digest"));
  }

  @Test
  void thenTheDigestResolvedInThisBuild() throws Exception {
    Path json = digestJson("{\"digest\":\"" + C + "\"}");
    assertThat(choose("", B, json))
        .isEqualTo(new DigestInput.Choice(B, "paramkernel.image.digest"));
  }

  @Test
  void thenDigestJson() throws Exception {
    Path json =
        digestJson(
            "{\"image\":\"kitchen-cpq/param-kernel-service\",\"tag\":\"latest\",\"digest\":\""
                + C
                + "\",\"fallback\":true,\"source\":\"registry\"}");
    assertThat(choose(null, null, json))
        .isEqualTo(new DigestInput.Choice(C, "artifacts/param-kernel/digest.json"));
  }

  @Test
  void aMalformedUserDigestFailsNamingThePropertyEvenWhenDigestJsonIsFine() throws Exception {
    Path json = digestJson("{\"digest\":\"" + C + "\"}");
    assertThatThrownBy(() -> choose("sha256:1234", null, json))
        .isInstanceOf(RenderException.class)
        .hasMessage(
            "paramkernel.digest: 'sha256:1234' is not an image digest;"
                + " expected sha256: followed by 64 lowercase hex digits");
  }

  @Test
  void noDigestAnywhereSaysWhatToDo() {
    assertThatThrownBy(() -> choose(null, " ", dir.resolve("digest.json")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("-Dparamkernel.digest=sha256:<64 hex>")
        .hasMessageContaining("run resolve-digest first")
        .hasMessageContaining("artifacts/param-kernel/digest.json exists; it does not");
  }

  @Test
  void brokenDigestJsonIsNamed() throws Exception {
    assertThatThrownBy(() -> choose(null, null, digestJson("{\n\"digest\": ")))
        .hasMessageStartingWith("artifacts/param-kernel/digest.json:2: not valid JSON");
    assertThatThrownBy(() -> choose(null, null, digestJson("{\"tag\":\"latest\"}")))
        .hasMessageStartingWith("artifacts/param-kernel/digest.json: has no 'digest' field");
    assertThatThrownBy(() -> choose(null, null, digestJson("[1]")))
        .hasMessageStartingWith("artifacts/param-kernel/digest.json: expected a JSON object");
    assertThatThrownBy(() -> choose(null, null, digestJson("{\"digest\":42}")))
        .hasMessage("artifacts/param-kernel/digest.json: field 'digest' is not a string");
    assertThatThrownBy(() -> choose(null, null, digestJson("{\"digest\":\"latest\"}")))
        .hasMessageStartingWith(
            "artifacts/param-kernel/digest.json field 'digest': 'latest' is not an image digest");
  }
}
