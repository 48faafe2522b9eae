package com.kitchencpq.paramkernel.plugin.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.Log;
import com.kitchencpq.paramkernel.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver's decisions that need no registry: override, local layout, offline, input checks.
 */
class DigestResolverTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();
  private final DigestResolver resolver =
      new DigestResolver(
          new Log() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {
              warnings.add(message);
            }

            @Override
            public void debug(String message) {}
          });

  private DigestResolver.Request request(
      String image,
      String tags,
      Boolean strict,
      String digest,
      Path layout,
      boolean offline,
      Map<String, String> env) {
    return request(image, tags, strict, digest, layout, offline, env, null);
  }

  private DigestResolver.Request request(
      String image,
      String tags,
      Boolean strict,
      String digest,
      Path layout,
      boolean offline,
      Map<String, String> env,
      Path gitWorkTree) {
    return new DigestResolver.Request(
        image,
        tags,
        strict,
        digest,
        layout,
        offline,
        false,
        false,
        Duration.ofSeconds(15),
        Duration.ZERO,
        Duration.ofSeconds(5),
        ids -> Optional.empty(),
        env,
        gitWorkTree,
        dir);
  }

  /**
   * A work tree whose HEAD is {@code commit} on {@code branch} (files only, as git writes them).
   */
  private Path gitWorkTree(String branch, String commit) throws Exception {
    Path tree = dir.resolve("work");
    Files.createDirectories(tree.resolve(".git/refs/heads").resolve(branch).getParent());
    Files.writeString(tree.resolve(".git/HEAD"), "ref: refs/heads/" + branch + "\n");
    Files.writeString(tree.resolve(".git/refs/heads").resolve(branch), commit + "\n");
    return tree;
  }

  @Test
  void withoutGithubShaTheGitHeadCommitsTagIsPreferredToLatest() throws Exception {
    TestImages.Image head = TestImages.image("head", "amd64");
    TestImages.Image latest = TestImages.image("latest", "amd64");
    TestImages.writeLayout(dir.resolve("oci"), TestImages.tags(SHA, head, "latest", latest));
    Resolution r =
        resolver.resolve(
            request(
                "k/app",
                null,
                null,
                null,
                dir.resolve("oci"),
                true,
                Map.of(),
                gitWorkTree("main", SHA)));
    assertThat(r)
        .extracting(Resolution::tag, Resolution::digest, Resolution::fallback)
        .containsExactly(SHA, head.digest(), false);
  }

  @Test
  void githubShaWinsOverTheGitHead() throws Exception {
    String ci = "fedcba9876543210fedcba9876543210fedcba98";
    TestImages.Image fromCi = TestImages.image("ci", "amd64");
    TestImages.writeLayout(
        dir.resolve("oci"), TestImages.tags(SHA, TestImages.image("head", "amd64"), ci, fromCi));
    Resolution r =
        resolver.resolve(
            request(
                "k/app",
                null,
                null,
                null,
                dir.resolve("oci"),
                true,
                Map.of("GITHUB_SHA", ci),
                gitWorkTree("main", SHA)));
    assertThat(r.tag()).isEqualTo(ci);
    assertThat(r.digest()).isEqualTo(fromCi.digest());
  }

  @Test
  void aLocalReleaseBranchIsStrictOnItsHeadCommitNotLatest() throws Exception {
    TestImages.writeLayout(
        dir.resolve("oci"), TestImages.tags("latest", TestImages.image("b", "amd64")));
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    request(
                        "k/app",
                        null,
                        null,
                        null,
                        dir.resolve("oci"),
                        true,
                        Map.of(),
                        gitWorkTree("release/2.0", SHA))))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("Tag " + SHA)
        .hasMessageContaining("Strict mode");
  }

  @Test
  void overrideSkipsEverythingElse() throws Exception {
    String digest = "sha256:" + "1".repeat(64);
    Resolution r =
        resolver.resolve(request("K/Not Even Valid", null, null, digest, null, true, Map.of()));
    assertThat(r.source()).isEqualTo(Resolution.Source.OVERRIDE);
    assertThat(r.digest()).isEqualTo(digest);
    assertThat(r.tag()).isNull();
  }

  @Test
  void malformedOverrideNamesTheProperty() {
    assertThatThrownBy(
            () ->
                resolver.resolve(request("k/app", null, null, "sha256:123", null, false, Map.of())))
        .hasMessageContaining("paramkernel.digest must be sha256:");
  }

  @Test
  void localLayoutResolvesThePreferredTag() throws Exception {
    TestImages.Image a = TestImages.image("a", "amd64");
    TestImages.Image b = TestImages.image("b", "amd64");
    TestImages.writeLayout(dir.resolve("oci"), TestImages.tags(SHA, a, "latest", b));
    Resolution r =
        resolver.resolve(
            request(
                "k/app", null, null, null, dir.resolve("oci"), true, Map.of("GITHUB_SHA", SHA)));
    assertThat(r)
        .extracting(Resolution::tag, Resolution::digest, Resolution::fallback, Resolution::source)
        .containsExactly(SHA, a.digest(), false, Resolution.Source.LOCAL);
    assertThat(r.logLine()).contains("local OCI layout", "not from a registry");
  }

  @Test
  void layoutPathsAreShownRelativeToTheWorkingDirectoryWhenBelowIt() {
    Path here = Path.of("").toAbsolutePath();
    assertThat(DigestResolver.forPeople(here.resolve("svc/target/jib-image/oci")))
        .isEqualTo(Path.of("svc", "target", "jib-image", "oci").toString());
    assertThat(DigestResolver.forPeople(dir.resolve("oci")))
        .isEqualTo(dir.resolve("oci").toAbsolutePath().normalize().toString());
  }

  @Test
  void localLayoutFallsBackToLatestAndWarns() throws Exception {
    TestImages.Image b = TestImages.image("b", "amd64");
    TestImages.writeLayout(dir.resolve("oci"), TestImages.tags("latest", b));
    Resolution r =
        resolver.resolve(
            request(
                "k/app", null, false, null, dir.resolve("oci"), false, Map.of("GITHUB_SHA", SHA)));
    assertThat(r.fallback()).isTrue();
    assertThat(r.missingTags()).containsExactly(SHA);
    assertThat(warnings).singleElement().asString().contains(SHA, "falling back to latest");
  }

  @Test
  void strictOnAReleaseBranchRefusesTheFallback() throws Exception {
    TestImages.writeLayout(
        dir.resolve("oci"), TestImages.tags("latest", TestImages.image("b", "amd64")));
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    request(
                        "k/app",
                        null,
                        null,
                        null,
                        dir.resolve("oci"),
                        false,
                        Map.of("GITHUB_SHA", SHA, "GITHUB_REF_NAME", "release/1.4"))))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("Tag " + SHA)
        .hasMessageContaining("Strict mode");
  }

  @Test
  void missingLayoutIsAUserErrorNamingTheProperty() {
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    request("k/app", "latest", null, null, dir.resolve("nope"), false, Map.of())))
        .hasMessageContaining("paramkernel.ociLayout");
  }

  @Test
  void brokenIndexJsonNamesTheFile() throws Exception {
    Files.createDirectories(dir.resolve("oci"));
    Files.writeString(dir.resolve("oci/oci-layout"), "{}");
    Files.writeString(dir.resolve("oci/index.json"), "{not json");
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    request("k/app", "latest", null, null, dir.resolve("oci"), false, Map.of())))
        .hasMessageContaining("index.json is not valid JSON");
  }

  @Test
  void offlineWithoutDigestOrLayoutFailsClearly() {
    assertThatThrownBy(
            () -> resolver.resolve(request("k/app", "latest", null, null, null, true, Map.of())))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("offline")
        .hasMessageContaining("paramkernel.digest")
        .hasMessageContaining("paramkernel.ociLayout");
  }

  @Test
  void imageWithTagOrUppercaseIsRejected() {
    assertThatThrownBy(
            () ->
                resolver.resolve(request("k/app:1.0", "latest", null, null, null, false, Map.of())))
        .hasMessageContaining("carries a tag or digest");
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    request("ghcr.io/Owner/App", "latest", null, null, null, false, Map.of())))
        .hasMessageContaining("not a valid image repository");
  }
}
