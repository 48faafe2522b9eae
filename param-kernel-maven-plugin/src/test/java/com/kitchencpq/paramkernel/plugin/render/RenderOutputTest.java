package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderOutputTest {
  @TempDir Path dir;
  private final RenderOutput output = new RenderOutput();

  private static RenderedRollout rendered(String text) {
    return new RenderedRollout(
        "t.yaml",
        text,
        TemplateRendererTest.DIGEST,
        List.of(
            new Substitution(
                "${PARAM_KERNEL_IMAGE_DIGEST}",
                "PARAM_KERNEL_IMAGE_DIGEST",
                1,
                1,
                TemplateRendererTest.DIGEST,
                "digest")));
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheExactBytesCreatingDirectoriesAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("artifacts/param-kernel/rollout.yaml");
    String text = "a: 'ü'\r\nb: 2\n";

    RenderResult result = output.write(rendered(text), target);

    assertThat(result.output()).isEqualTo(target.toAbsolutePath());
    assertThat(result.text()).isEqualTo(text);
    assertThat(result.digest()).isEqualTo(TemplateRendererTest.DIGEST);
    assertThat(result.substitutions()).hasSize(1);
    assertThat(Files.readAllBytes(target)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(names(target.getParent())).containsExactly("rollout.yaml");
    if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(target)))
          .isEqualTo("rw-r--r--");
    }
  }

  @Test
  void replacesAnEarlierOutputWhole() throws Exception {
    Path target = dir.resolve("rollout.yaml");
    Files.writeString(target, "old content that is longer than the new one\n".repeat(100));

    output.write(rendered("new: 1\n"), target);

    assertThat(Files.readString(target)).isEqualTo("new: 1\n");
    assertThat(names(dir)).containsExactly("rollout.yaml");
  }

  @Test
  void writingTheSameRenderTwiceGivesIdenticalFiles() throws Exception {
    output.write(rendered("x: 1\n"), dir.resolve("one.yaml"));
    output.write(rendered("x: 1\n"), dir.resolve("two.yaml"));
    assertThat(Files.readAllBytes(dir.resolve("one.yaml")))
        .isEqualTo(Files.readAllBytes(dir.resolve("two.yaml")));
  }

  @Test
  void aFailedWriteLeavesNeitherTargetChangeNorTemporaryFile() throws Exception {
    Path target = dir.resolve("rollout.yaml");
    Files.createDirectories(target.resolve("occupied"));

    assertThatThrownBy(() -> output.write(rendered("x: 1\n"), target))
        .isInstanceOf(IOException.class);

    assertThat(names(dir)).containsExactly("rollout.yaml");
    assertThat(Files.isDirectory(target)).isTrue();
  }

  @Test
  void removeStaleDeletesAnEarlierOutputOnly() throws Exception {
    Path target = dir.resolve("rollout.yaml");
    assertThat(output.removeStale(target)).isFalse();
    Files.writeString(target, "stale: true\n");
    assertThat(output.removeStale(target)).isTrue();
    assertThat(target).doesNotExist();
  }
}
