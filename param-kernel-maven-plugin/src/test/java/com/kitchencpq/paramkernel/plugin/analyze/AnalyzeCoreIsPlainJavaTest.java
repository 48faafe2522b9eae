package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the Mojo of the analyze package may depend on Maven, and the core keeps no static mutable
 * state, so that tests and the gate-efficacy suite can run several analyses at once.
 */
class AnalyzeCoreIsPlainJavaTest {
  private static final Path SOURCES =
      Path.of("src/main/java/com/kitchencpq/paramkernel/plugin/analyze");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void onlyAnalyzeMojoImportsMaven() throws Exception {
    List<String> offenders =
        sources().stream()
            .filter(f -> !f.getFileName().toString().equals("AnalyzeMojo.java"))
            .filter(f -> read(f).contains("org.apache.maven"))
            .map(f -> f.getFileName().toString())
            .toList();
    assertThat(offenders).isEmpty();
    assertThat(SOURCES.resolve("Analyzer.java")).exists();
  }

  @Test
  void noStaticFieldIsMutable() throws Exception {
    // every static field is final and holds an immutable value (constants, Set.of, List.of,
    // Duration)
    List<String> offenders =
        sources().stream()
            .flatMap(
                f ->
                    read(f)
                        .lines()
                        .filter(
                            l ->
                                l.matches(
                                        "\\s*(private |public |protected )?static"
                                            + " (?!final).*[;=].*")
                                    && !l.contains("("))
                        .map(l -> f.getFileName() + ": " + l.trim()))
            .toList();
    assertThat(offenders).isEmpty();
  }
}
