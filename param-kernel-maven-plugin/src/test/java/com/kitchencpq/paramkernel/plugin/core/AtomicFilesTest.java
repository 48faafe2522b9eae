package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<String> names(Path d) throws IOException {
    try (Stream<Path> files = Files.list(d)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheTextAsAnOrdinaryReadableFileAndLeavesNothingElse() throws Exception {
    Path target = dir.resolve("artifacts/param-kernel/digest.json");

    AtomicFiles.write(target, "{\"digest\": \"ü\"}\n");

    assertThat(Files.readAllBytes(target))
        .isEqualTo("{\"digest\": \"ü\"}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(names(target.getParent())).containsExactly("digest.json");
    if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
      // Temporary files start as rw-------; what later steps read must not stay that way.
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
          .isEqualTo("rw-r--r--");
    }
  }

  @Test
  void replacesAnEarlierFileWhole() throws Exception {
    Path target = dir.resolve("report.sarif");
    Files.writeString(target, "older and longer content\n".repeat(50));

    AtomicFiles.write(target, "new\n");

    assertThat(Files.readString(target)).isEqualTo("new\n");
    assertThat(names(dir)).containsExactly("report.sarif");
  }

  @Test
  void aFailedRenameLeavesTheTargetAsItWasAndNoTemporaryFile() throws Exception {
    Path target = dir.resolve("rollout.yaml");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep"), "x");

    assertThatThrownBy(() -> AtomicFiles.write(target, "new\n")).isInstanceOf(IOException.class);

    assertThat(Files.readString(target.resolve("keep"))).isEqualTo("x");
    assertThat(names(dir)).containsExactly("rollout.yaml");
  }
}
