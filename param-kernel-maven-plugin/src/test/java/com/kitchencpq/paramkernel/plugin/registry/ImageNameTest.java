package com.kitchencpq.paramkernel.plugin.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ImageName} accepts and splits names exactly as jib-core's ImageReference.parse does. */
class ImageNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1:5000/kitchen-cpq/param-kernel-service",
        "ghcr.io/kitchen-cpq/param-kernel-service",
        "kitchen-cpq/param-kernel-service",
        "app",
        "localhost/app",
        "localhost:5000/app",
        "docker.io/app",
        "docker.io/a/b",
        "index.docker.io/app",
        "registry-1.docker.io/app",
        "registry.example.com:443/team/sub/app",
        "Ghcr.io/x",
        "ghcr.io",
        "my-registry.local:5000/a__b",
        "ghcr.io/a--b",
        "ghcr.io/a.b_c",
        "0.0.0.0:1/x",
        // jib's oddities, kept so that the same names resolve as before:
        "Kitchen/app",
        "LOCALHOST/app",
        "a_b.io/app",
      })
  void splitsLikeJib(String image) throws Exception {
    ImageReference jib = ImageReference.parse(image);
    assertThat(ImageName.parse(image))
        .isEqualTo(new ImageName(jib.getRegistry(), jib.getRepository()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a//b",
        "/a",
        "a/",
        "-a.io/x",
        "a..b/c",
        "a.b:/c",
        "ghcr.io/a___b",
        "ghcr.io/a.-b",
        "ghcr.io/Owner/App",
        "[::1]:5000/x",
        "a b",
        "ghcr.io/app-",
        "ghcr.io/_app",
        "x.io:port/a",
      })
  void rejectsWhatJibRejects(String image) {
    assertThatThrownBy(() -> ImageReference.parse(image))
        .isInstanceOf(InvalidImageReferenceException.class);
    assertThatThrownBy(() -> ImageName.parse(image))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("paramkernel.image '" + image + "' is not a valid image repository");
  }

  /**
   * Random names over the characters that matter to the grammar, each held against jib: the same
   * names valid, split the same way. Seeded, so a failure names a name that stays.
   */
  @Test
  void agreesWithJibOnRandomNames() {
    String alphabet = "ab0Z.._-/:5";
    Random random = new Random(20261126L);
    int compared = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder name = new StringBuilder();
      int length = 1 + random.nextInt(14);
      for (int i = 0; i < length; i++) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String image = name.toString();
      String last = image.substring(image.lastIndexOf('/') + 1);
      if (last.contains(":") || image.equals("scratch")) {
        continue; // a tag: ImageName refuses it before the grammar (see below)
      }
      ImageName jibName;
      try {
        ImageReference jib = ImageReference.parse(image);
        jibName = new ImageName(jib.getRegistry(), jib.getRepository());
      } catch (InvalidImageReferenceException e) {
        jibName = null;
      }
      ImageName ours;
      try {
        ours = ImageName.parse(image);
      } catch (GoalException e) {
        ours = null;
      }
      assertThat(ours).as(image).isEqualTo(jibName);
      compared++;
    }
    assertThat(compared).isGreaterThan(20_000);
  }

  @Test
  void tagsDigestsAndEmptyValuesNameTheProperty() {
    for (String image :
        List.of("k/app:1.0", "localhost:5000/app:latest", "k/app@sha256:" + "a".repeat(64))) {
      assertThatThrownBy(() -> ImageName.parse(image))
          .hasMessageContaining("paramkernel.image '" + image + "' carries a tag or digest");
    }
    assertThatThrownBy(() -> ImageName.parse(""))
        .hasMessageContaining("paramkernel.image is empty");
  }

  @Test
  void scratchIsNotARegistryImage() throws Exception {
    // jib parses "scratch" as its empty base image, which has no registry to ask.
    assertThat(ImageReference.parse("scratch").isScratch()).isTrue();
    assertThatThrownBy(() -> ImageName.parse("scratch"))
        .hasMessageContaining("paramkernel.image 'scratch' is not a valid image repository");
  }
}
