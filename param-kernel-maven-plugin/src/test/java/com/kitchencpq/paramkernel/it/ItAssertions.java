package com.kitchencpq.paramkernel.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Assertions shared by the invoker cases' {@code verify.groovy} scripts (the invoker puts the
 * plugin's test classpath on the scripts' classpath). Each failure says which case, which file and
 * what differed, so a red invoker run reads like a unit-test failure.
 */
public final class ItAssertions {
  private ItAssertions() {}

  /** The build log of an invoker case. */
  public static String buildLog(File basedir) throws IOException {
    return Files.readString(basedir.toPath().resolve("build.log"), StandardCharsets.UTF_8);
  }

  public static void assertContains(String text, String expected) {
    if (!text.contains(expected)) {
      throw new AssertionError("expected to find <" + expected + "> in:\n" + tail(text));
    }
  }

  /** Every line is in {@code text}, each one after the one before it. */
  public static void assertContainsInOrder(String text, List<String> expected) {
    int at = 0;
    for (String line : expected) {
      assertContains(text, line);
      int i = text.indexOf(line, at);
      if (i < 0) {
        throw new AssertionError(
            "out of order: <"
                + line
                + "> comes before the line listed above it in:\n"
                + tail(text));
      }
      at = i;
    }
  }

  public static void assertNotContains(String text, String unexpected) {
    if (text.contains(unexpected)) {
      throw new AssertionError("did not expect <" + unexpected + "> in:\n" + tail(text));
    }
  }

  public static void assertExists(File basedir, String relative) {
    if (!Files.exists(basedir.toPath().resolve(relative))) {
      throw new AssertionError("expected file " + relative + " in " + basedir);
    }
  }

  public static void assertNotExists(File basedir, String relative) {
    if (Files.exists(basedir.toPath().resolve(relative))) {
      throw new AssertionError("did not expect file " + relative + " in " + basedir);
    }
  }

  /**
   * Compares every file under {@code expected/} of the case with the file of the same relative path
   * under the case's base directory, byte for byte after normalising line endings.
   */
  public static void assertGoldenFiles(File basedir) throws IOException {
    Path root = basedir.toPath();
    Path expectedRoot = root.resolve("expected");
    if (!Files.isDirectory(expectedRoot)) {
      throw new AssertionError("case " + root.getFileName() + " has no expected/ directory");
    }
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(expectedRoot)) {
      for (Path expected : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Path relative = expectedRoot.relativize(expected);
        Path actual = root.resolve(relative.toString());
        if (!Files.exists(actual)) {
          problems.add("missing " + relative);
          continue;
        }
        String want = normalise(Files.readString(expected, StandardCharsets.UTF_8));
        String got = normalise(Files.readString(actual, StandardCharsets.UTF_8));
        if (!want.equals(got)) {
          problems.add("differs: " + relative + "\n--- expected\n" + want + "\n--- actual\n" + got);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "golden files of " + root.getFileName() + ":\n" + String.join("\n", problems));
    }
  }

  private static String normalise(String s) {
    return s.replace("\r\n", "\n");
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
  }
}
