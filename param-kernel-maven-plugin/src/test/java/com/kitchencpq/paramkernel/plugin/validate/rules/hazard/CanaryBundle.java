package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The canary-bundle.yaml fixture, and copies of it with one thing changed. */
final class CanaryBundle {
  private CanaryBundle() {}

  static final String TEXT = load();

  private static String load() {
    try (InputStream in = CanaryBundle.class.getResourceAsStream("canary-bundle.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundle with {@code from} (which must occur exactly once) replaced by {@code to}. */
  static String with(String from, String to) {
    assertThat(TEXT.indexOf(from)).as(from).isNotNegative().isEqualTo(TEXT.lastIndexOf(from));
    return TEXT.replace(from, to);
  }

  /** 1-based line of the first occurrence of {@code text} in {@code yaml}. */
  static int line(String yaml, String text) {
    int at = yaml.indexOf(text);
    assertThat(at).as(text).isNotNegative();
    return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
