package com.kitchencpq.paramkernel.plugin.github;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The hand-off to later workflow steps: {@code GITHUB_OUTPUT}, {@code GITHUB_STEP_SUMMARY} and
 * workflow-command annotations. Reads the environment from an injected map so tests never touch the
 * real one. Everything here is best effort: a failure to write is returned as a warning text, never
 * thrown, because a build must not fail over a summary.
 */
public final class GithubActions {
  private final Map<String, String> env;
  private final PrintStream stdout;

  public GithubActions(Map<String, String> env, PrintStream stdout) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.stdout = Objects.requireNonNull(stdout, "stdout");
  }

  /** True when running inside a GitHub Actions job. */
  public boolean isActions() {
    return "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""));
  }

  /** True when a step output file is configured. */
  public boolean hasOutputFile() {
    return !env.getOrDefault("GITHUB_OUTPUT", "").isBlank();
  }

  /**
   * Appends {@code name=value} pairs to the {@code GITHUB_OUTPUT} file. Multi-line values use the
   * heredoc form with a random delimiter. Returns the warnings (empty when all went well or when no
   * output file is configured).
   */
  public List<String> setOutputs(Map<String, String> outputs) {
    String file = env.getOrDefault("GITHUB_OUTPUT", "");
    if (file.isBlank() || outputs.isEmpty()) {
      return List.of();
    }
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : outputs.entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue();
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        String delimiter = "pk_" + UUID.randomUUID().toString().replace("-", "");
        text.append(e.getKey())
            .append("<<")
            .append(delimiter)
            .append('\n')
            .append(value)
            .append('\n')
            .append(delimiter)
            .append('\n');
      } else {
        text.append(e.getKey()).append('=').append(value).append('\n');
      }
    }
    return append(file, "GITHUB_OUTPUT", text.toString());
  }

  /** Appends a Markdown section to the job summary, when one is configured. */
  public List<String> appendSummary(String markdown) {
    String file = env.getOrDefault("GITHUB_STEP_SUMMARY", "");
    if (file.isBlank()) {
      return List.of();
    }
    return append(
        file, "GITHUB_STEP_SUMMARY", markdown.endsWith("\n") ? markdown : markdown + "\n");
  }

  /**
   * Prints a workflow command annotation on standard output (GitHub reads commands only at the
   * start of a stdout line, so this bypasses the Maven log prefix).
   *
   * @param level {@code error}, {@code warning} or {@code notice}
   * @param file a path relative to the repository root, or null
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   */
  public void annotate(
      String level, String file, int line, int column, String title, String message) {
    stdout.println(annotation(level, file, line, column, title, message));
    stdout.flush();
  }

  /** The annotation text, for tests and for callers that print it themselves. */
  public static String annotation(
      String level, String file, int line, int column, String title, String message) {
    List<String> props = new ArrayList<>();
    if (file != null && !file.isEmpty()) {
      props.add("file=" + escapeProperty(file));
    }
    if (line > 0) {
      props.add("line=" + line);
    }
    if (column > 0) {
      props.add("col=" + column);
    }
    if (title != null && !title.isEmpty()) {
      props.add("title=" + escapeProperty(title));
    }
    return "::"
        + level
        + (props.isEmpty() ? "" : " " + String.join(",", props))
        + "::"
        + escapeData(message);
  }

  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }

  private static List<String> append(String file, String what, String text) {
    try {
      Files.writeString(
          Path.of(file),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
      return List.of();
    } catch (IOException | RuntimeException e) {
      return List.of("Could not write " + what + " (" + file + "): " + e.getMessage());
    }
  }
}
