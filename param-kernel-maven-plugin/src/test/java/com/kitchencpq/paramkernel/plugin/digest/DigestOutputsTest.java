package com.kitchencpq.paramkernel.plugin.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestOutputsTest {
  private static final String DIGEST = "sha256:" + "0f".repeat(32);
  @TempDir Path dir;

  @Test
  void writesTheContractFieldsAtomicallyAndLeavesNoTemporaryFile() throws Exception {
    Resolution r =
        new Resolution(
            "127.0.0.1:5000/k/app",
            "latest",
            DIGEST,
            true,
            Resolution.Source.REGISTRY,
            List.of("abc"),
            "registry 127.0.0.1:5000");
    Files.createDirectories(dir.resolve("artifacts"));
    Files.writeString(dir.resolve("artifacts/digest.json"), "stale");
    Path file = DigestOutputs.write(dir.resolve("artifacts"), r);
    assertThat(file)
        .hasContent(
            "{\n  \"image\" : \"127.0.0.1:5000/k/app\",\n  \"tag\" : \"latest\",\n"
                + "  \"digest\" : \""
                + DIGEST
                + "\",\n  \"fallback\" : true,\n  \"source\" : \"registry\"\n}");
    try (var files = Files.list(dir.resolve("artifacts"))) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void overrideHasANullTagAndGithubOutputsCarryTheImageRef() {
    Resolution r =
        new Resolution(
            "k/app",
            null,
            DIGEST,
            false,
            Resolution.Source.OVERRIDE,
            List.of(),
            "paramkernel.digest");
    assertThat(DigestOutputs.json(r)).contains("\"tag\" : null", "\"source\" : \"override\"");
    assertThat(DigestOutputs.githubOutputs(r))
        .containsEntry("digest", DIGEST)
        .containsEntry("tag", "")
        .containsEntry("image-ref", "k/app@" + DIGEST);
  }

  @Test
  void jsonStringsAreEscaped() {
    assertThat(DigestOutputs.string("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
  }

  @Test
  void logLineFollowsTheContractAndMarksFallbacks() {
    Resolution r =
        new Resolution(
            "k/app",
            "latest",
            DIGEST,
            true,
            Resolution.Source.REGISTRY,
            List.of("abc"),
            "registry h:1");
    assertThat(r.logLine())
        .startsWith("Resolved k/app:latest -> " + DIGEST)
        .contains("FALLBACK", "abc");
  }
}
