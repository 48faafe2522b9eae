package com.kitchencpq.paramkernel.plugin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the Mojos of the cluster package depend on Maven; the core runs with {@code new} against any
 * ClusterApi.
 */
class ClusterCoreIsPlainJavaTest {
  @Test
  void onlyMojosImportMaven() throws Exception {
    Path sources = Path.of("src/main/java/com/kitchencpq/paramkernel/plugin/cluster");
    List<String> offenders;
    try (Stream<Path> files = Files.list(sources)) {
      offenders =
          files
              .filter(
                  f ->
                      f.toString().endsWith(".java")
                          && !f.getFileName().toString().endsWith("Mojo.java"))
              .filter(
                  f -> {
                    try {
                      return Files.readString(f).contains("org.apache.maven");
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(f -> f.getFileName().toString())
              .toList();
    }
    assertThat(offenders).isEmpty();
    assertThat(sources.resolve("BundleApplier.java")).exists();
  }
}
