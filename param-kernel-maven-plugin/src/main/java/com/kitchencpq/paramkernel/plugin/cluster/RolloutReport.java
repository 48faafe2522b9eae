package com.kitchencpq.paramkernel.plugin.cluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How rollout-status ends, as data: the final state ({@code Healthy}, {@code Degraded}, {@code
 * Paused}, or {@code Timeout}), whether the goal passes, the log line, and the GitHub hand-offs
 * (step outputs, a job summary section, an annotation).
 */
public record RolloutReport(
    RolloutTarget target,
    String state,
    String message,
    boolean passes,
    List<String> lines,
    RolloutSnapshot last) {

  public static final String TIMEOUT = "Timeout";

  public RolloutReport {
    lines = List.copyOf(lines);
  }

  /**
   * The verdict: Healthy passes; Degraded fails; Paused fails unless {@code failOnPause} is false;
   * a timeout fails.
   */
  public static RolloutReport of(
      RolloutTarget target, RolloutFollower.Result result, boolean failOnPause, Duration timeout) {
    RolloutSnapshot last = result.last();
    String message = last.phase().message();
    if (result.timedOut()) {
      return new RolloutReport(
          target,
          TIMEOUT,
          "still "
              + last.phase().phase()
              + " after "
              + pretty(timeout)
              + " (paramkernel.rollout.timeout)"
              + (message.isEmpty() ? "" : ": " + message),
          false,
          result.lines(),
          last);
    }
    return switch (last.verdict()) {
      case HEALTHY ->
          new RolloutReport(target, RolloutPhases.HEALTHY, message, true, result.lines(), last);
      case DEGRADED ->
          new RolloutReport(target, RolloutPhases.DEGRADED, message, false, result.lines(), last);
      case PAUSED ->
          new RolloutReport(
              target, RolloutPhases.PAUSED, message, !failOnPause, result.lines(), last);
      case PROGRESSING -> throw new IllegalStateException("a final result cannot be Progressing");
    };
  }

  /** The goal's one outcome line. */
  public String logLine() {
    String head = target + " is " + state + (message.isEmpty() ? "" : ": " + message);
    return switch (state) {
      case RolloutPhases.PAUSED ->
          head
              + (passes
                  ? " (paramkernel.rollout.failOnPause=false: not a failure)"
                  : "; promote it (param-kernel:promote) or abort it (param-kernel:abort), or set"
                      + " paramkernel.rollout.failOnPause=false to let a pause pass");
      case RolloutPhases.DEGRADED ->
          head
              + "; the update did not complete (retry it with param-kernel:retry"
              + " once the cause is fixed)";
      default -> head;
    };
  }

  /** {@code rollout-state}, {@code rollout-message}, {@code rollout-step}. */
  public Map<String, String> outputs() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("rollout-state", state);
    out.put("rollout-message", message);
    out.put(
        "rollout-step", last.stepIndex() == null ? "" : last.stepIndex() + "/" + last.stepCount());
    return out;
  }

  /** The annotation level: notice when it passes, warning for a tolerated pause, else error. */
  public String annotationLevel() {
    if (!passes) {
      return "error";
    }
    return RolloutPhases.HEALTHY.equals(state) ? "notice" : "warning";
  }

  /** The job summary section. */
  public String summary() {
    StringBuilder md = new StringBuilder("### param-kernel rollout\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| Rollout | `")
        .append(target.name())
        .append("` (namespace `")
        .append(target.namespace())
        .append("`) |\n");
    md.append("| State | ").append(passes ? state : "**" + state + "**").append(" |\n");
    if (!message.isEmpty()) {
      md.append("| Message | ").append(cell(message)).append(" |\n");
    }
    md.append('\n');
    if (!lines.isEmpty()) {
      String fence = "```";
      while (String.join("\n", lines).contains(fence)) {
        fence += "`";
      }
      md.append(fence).append("text\n");
      lines.forEach(l -> md.append(l).append('\n'));
      md.append(fence).append("\n\n");
    }
    return md.toString();
  }

  private static String cell(String value) {
    return value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
  }

  private static String pretty(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
