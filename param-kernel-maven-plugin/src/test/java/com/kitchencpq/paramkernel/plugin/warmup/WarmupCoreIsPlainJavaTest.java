package com.kitchencpq.paramkernel.plugin.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the Mojo of the warmup package may depend on Maven; and the shared warm-up client the plugin
 * compiles from the service's source root uses nothing but the JDK and HdrHistogram.
 */
class WarmupCoreIsPlainJavaTest {
  @Test
  void onlyWarmupMojoImportsMaven() throws Exception {
    assertThat(
            offenders(
                Path.of("src/main/java/com/kitchencpq/paramkernel/plugin/warmup"),
                "org.apache.maven",
                "WarmupMojo.java"))
        .isEmpty();
  }

  @Test
  void theSharedClientImportsOnlyTheJdkAndHdrHistogram() throws Exception {
    Path shared = Path.of("../param-kernel-service/src/warmup/java");
    List<String> imports;
    try (Stream<Path> files = Files.walk(shared)) {
      imports =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(f -> lines(f).stream())
              .filter(l -> l.startsWith("import "))
              .filter(
                  l ->
                      !l.matches("import (static )?(java|javax)\\..*")
                          && !l.startsWith("import org.HdrHistogram.")
                          && !l.startsWith(
                              "import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;")
                          && !l.startsWith("import com.kitchencpq.paramkernel.service.warmup.")
                          && !l.startsWith("import com.kitchencpq.paramkernel.service.json."))
              .toList();
    }
    assertThat(imports).isEmpty();
  }

  private static List<String> offenders(Path dir, String text, String allowed) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals(allowed))
          .filter(f -> String.join("\n", lines(f)).contains(text))
          .map(f -> f.getFileName().toString())
          .toList();
    }
  }

  private static List<String> lines(Path f) {
    try {
      return Files.readAllLines(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
