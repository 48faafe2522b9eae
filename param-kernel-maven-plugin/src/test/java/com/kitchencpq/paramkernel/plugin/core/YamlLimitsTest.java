package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile YAML is refused at once and at the line where reading stopped. The timeouts only guard
 * against a hang (the old validate read the alias bomb for more than five minutes); they are not
 * speed assertions.
 */
public class YamlLimitsTest {
  /**
   * Nine anchors of nine aliases each ("billion laughs"): 9^8 strings once expanded, 72 aliases.
   */
  public static final String ALIAS_BOMB =
      """
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
      """;

  /** 60 nested mappings, one per line, under a first line that is fine. */
  public static String deepNesting() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\ndata:\n");
    for (int i = 0; i < 60; i++) {
      sb.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
    }
    sb.append("  ".repeat(62)).append("v\n");
    return sb.toString();
  }

  /**
   * Sixteen anchors of three aliases each: 48 aliases (under the alias limit), 3^16 nodes expanded.
   */
  static String wideBomb() {
    StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x]\n");
    for (int i = 1; i <= 16; i++) {
      sb.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [*a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append("]\n");
    }
    return sb.toString();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aliasBombIsRefusedAtTheLineThatBreaksTheLimit() {
    YamlLimits.Composed c = YamlLimits.compose(ALIAS_BOMB);
    assertThat(c.documents()).isEmpty();
    assertThat(c.failure())
        .hasValueSatisfying(
            f -> {
              assertThat(f.limit()).isTrue();
              assertThat(f.problem())
                  .isEqualTo("Number of aliases for non-scalar nodes exceeds the specified max=50");
              // a..f hold 45 aliases; the 51st is on line 7 (g)
              assertThat(f.line()).isEqualTo(7);
            });
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void deepNestingIsRefusedWhereItGetsTooDeep() {
    YamlLimits.Composed c = YamlLimits.compose(deepNesting());
    assertThat(c.failure())
        .hasValueSatisfying(
            f -> {
              assertThat(f.limit()).isTrue();
              assertThat(f.problem()).isEqualTo("Nesting Depth exceeded max 50");
              assertThat(f.line()).isGreaterThan(40).isLessThan(60);
            });
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aBombUnderTheAliasLimitIsRefusedByItsExpandedSize() {
    YamlLimits.Composed c = YamlLimits.compose(wideBomb());
    assertThat(c.failure())
        .hasValueSatisfying(
            f -> {
              assertThat(f.limit()).isTrue();
              assertThat(f.problem()).contains("expands its aliases to more than 100000 nodes");
              // 3^11 = 177147 leaves: the anchor a10 on line 11 is the first to pass the limit
              assertThat(f.line()).isEqualTo(11);
            });
  }

  @Test
  void ordinaryAnchorsAndManyDocumentsAreFine() {
    YamlLimits.Composed c =
        YamlLimits.compose(
            """
            base: &base {cpu: 1, memory: 1Gi}
            a: *base
            b: *base
            ---
            ---
            kind: Service
            """);
    assertThat(c.failure()).isEmpty();
    assertThat(c.documents()).extracting(YamlLimits.Document::index).containsExactly(0, 2);
  }

  @Test
  void syntaxErrorsAreNotLimits() {
    assertThat(YamlLimits.compose("a: [1, 2\nb: 3\n").failure())
        .hasValueSatisfying(f -> assertThat(f.limit()).isFalse());
  }

  /**
   * The limits live in one place: no YAML reader of the plugin makes its own LoaderOptions, and
   * every {@code new Yaml(} passes {@code YamlLimits.loaderOptions()}.
   */
  @Test
  void everyYamlReaderOfThePluginUsesTheseLimits() throws IOException {
    Path main = Path.of("src/main/java");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(main)) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("YamlLimits.java"))
              .flatMap(
                  p -> {
                    try {
                      return Files.readAllLines(p).stream()
                          .filter(
                              l ->
                                  l.contains("new LoaderOptions(")
                                      || l.contains("new Composer(")
                                      || (l.contains("new Yaml(")
                                          && !l.contains("YamlLimits.loaderOptions()")))
                          .map(l -> main.relativize(p) + ": " + l.trim());
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
    }
    assertThat(offenders).isEmpty();
  }
}
