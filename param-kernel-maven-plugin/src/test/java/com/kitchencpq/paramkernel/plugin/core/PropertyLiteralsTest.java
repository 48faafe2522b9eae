package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Outside the Mojos (whose {@code @Parameter} annotations spell the names, as Maven's descriptor
 * generator reads them) the plugin's code takes property names from {@link PropertyNames}, so a
 * renamed property cannot leave a message pointing at the old name.
 */
class PropertyLiteralsTest {
  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void onlyPropertyNamesAndTheMojosSpellPropertyNames() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String name = f.getFileName().toString();
        if (name.equals("PropertyNames.java") || name.endsWith("Mojo.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).contains("\"paramkernel.")
              || lines.get(i).contains("\"${paramkernel.")) {
            found.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).as("use the PropertyNames constant instead").isEmpty();
  }
}
