package com.kitchencpq.paramkernel.service.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kernel knows nothing of HTTP: no source under {@code kernel/} imports the HTTP layer, the
 * metrics, Vert.x, Netty or a JDK HTTP API, so the HTTP layer can be replaced without touching it.
 * Its refusals carry an {@link ErrorKind}; {@code http/ErrorStatus} makes status codes of them.
 */
class KernelKnowsNoHttpTest {
  private static final Path KERNEL =
      Path.of("src/main/java/com/kitchencpq/paramkernel/service/kernel");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");
  private static final List<String> FORBIDDEN =
      List.of(
          "com.kitchencpq.paramkernel.service.http.",
          "com.kitchencpq.paramkernel.service.metrics.",
          "io.vertx.",
          "io.netty.",
          "java.net.http.",
          "com.sun.net.httpserver.",
          "java.net.HttpURLConnection");

  @Test
  void noKernelSourceImportsAnythingOfHttp() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(KERNEL)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    assertThat(sources)
        .as("kernel sources under %s", KERNEL)
        .anyMatch(f -> f.endsWith("ApplyDeltaKernel.java"));
    List<String> offenders =
        sources.stream()
            .flatMap(
                f ->
                    imports(f).stream()
                        .filter(i -> FORBIDDEN.stream().anyMatch(i::startsWith))
                        .map(i -> KERNEL.relativize(f) + " imports " + i))
            .toList();
    assertThat(offenders).isEmpty();
  }

  @Test
  void refusalsCarryAKindNotAStatusCode() {
    assertThat(ApplyDeltaException.class.getConstructors())
        .allSatisfy(
            c ->
                assertThat(c.getParameterTypes())
                    .doesNotContain(int.class)
                    .contains(ErrorKind.class));
    assertThat(ApplyDeltaException.class.getMethods()).noneMatch(m -> m.getName().equals("status"));
  }

  private static List<String> imports(Path file) {
    try {
      Matcher m = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
      return m.results().map(r -> r.group(1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
