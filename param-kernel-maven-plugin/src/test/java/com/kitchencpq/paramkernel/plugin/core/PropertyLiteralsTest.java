package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * Every property a message, comment or annotation of the plugin names exists: a name in {@link
   * PropertyNames}, or {@code paramkernel.<group>.*} where that group has names.
   */
  @Test
  void everyPropertyNamedInTheCodeExists() throws Exception {
    Set<String> known = new HashSet<>();
    for (Field f : PropertyNames.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        known.add((String) f.get(null));
      }
    }
    Pattern named = Pattern.compile("(?<![A-Za-z0-9_.])paramkernel\\.[A-Za-z0-9.*]*[A-Za-z0-9*]");
    List<String> unknown = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = named.matcher(lines.get(i));
          while (m.find()) {
            String name = m.group();
            seen++;
            boolean exists =
                name.endsWith(".*")
                    ? known.stream()
                        .anyMatch(k -> k.startsWith(name.substring(0, name.length() - 1)))
                    : known.contains(name);
            if (!exists) {
              unknown.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + name);
            }
          }
        }
      }
    }
    assertThat(seen).as("property names found in the code").isGreaterThan(100);
    assertThat(unknown).as("names no property of PropertyNames").isEmpty();
  }
}
