package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the Mojo of the render package may depend on Maven; the core stays testable with {@code
 * new}.
 */
class RenderCoreIsPlainJavaTest {
  @Test
  void onlyRenderMojoImportsMaven() throws Exception {
    Path sources = Path.of("src/main/java/com/kitchencpq/paramkernel/plugin/render");
    List<String> offenders;
    try (Stream<Path> files = Files.list(sources)) {
      offenders =
          files
              .filter(
                  f ->
                      f.toString().endsWith(".java")
                          && !f.getFileName().toString().equals("RenderMojo.java"))
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
    assertThat(sources.resolve("TemplateRenderer.java")).exists();
  }
}
