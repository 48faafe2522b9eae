package com.kitchencpq.paramkernel.plugin.warmup;

import com.kitchencpq.paramkernel.plugin.core.AtomicFiles;
import com.kitchencpq.paramkernel.plugin.core.Durations;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import com.kitchencpq.paramkernel.service.warmup.Warmup;
import com.kitchencpq.paramkernel.service.warmup.WarmupOptions;
import com.kitchencpq.paramkernel.service.warmup.WarmupReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code warmup} goal's work, without Maven: turns the goal's properties into the warm-up
 * client's options (the service's own client, {@link Warmup}, so the goal and the canary Job send
 * and judge alike), runs it, writes the evidence to the output directory atomically ({@code
 * run-log.json}, {@code histogram.json}, {@code histogram.hgrm}, {@code percentiles.svg}) and hands
 * the verdict to GitHub Actions when running there. Whether the outcome fails the build is the
 * Mojo's call, from {@link Result#report()}.
 *
 * <p>The JDK's HTTP client keeps at most {@code http.maxConnections} (default 5) idle connections
 * per server in a JVM; the goal leaves that JVM-wide setting alone, so with a concurrency above 5
 * the extra senders reconnect for each request unless Maven runs with {@code
 * -Dhttp.maxConnections=<n>} in {@code MAVEN_OPTS}.
 */
public final class WarmupGoal {
  /** The SVG picture of the distribution; the other file names are the client's. */
  public static final String SVG_FILE = "percentiles.svg";

  /** Which property sets which option of the client. */
  static final Map<String, String> OPTION_OF_PROPERTY =
      Map.of(
          PropertyNames.WARMUP_TARGET, WarmupOptions.TARGET,
          PropertyNames.WARMUP_REQUESTS, WarmupOptions.REQUESTS,
          PropertyNames.WARMUP_RATE, WarmupOptions.RATE,
          PropertyNames.WARMUP_CONCURRENCY, WarmupOptions.CONCURRENCY,
          PropertyNames.WARMUP_ITERATIONS, WarmupOptions.ITERATIONS,
          PropertyNames.WARMUP_JUDGE_SKIP_ITERATIONS, WarmupOptions.JUDGE_SKIP_ITERATIONS,
          PropertyNames.WARMUP_MAX_P95_MS, WarmupOptions.MAX_P95_MS,
          PropertyNames.WARMUP_MAX_P99_MS, WarmupOptions.MAX_P99_MS,
          PropertyNames.WARMUP_TIMEOUT, WarmupOptions.TIMEOUT_MS);

  /** The property that sets a limit, for failure messages. */
  private static final Map<WarmupReport.Problem.Kind, String> PROPERTY_OF_PROBLEM =
      Map.of(
          WarmupReport.Problem.Kind.P95, PropertyNames.WARMUP_MAX_P95_MS,
          WarmupReport.Problem.Kind.P99, PropertyNames.WARMUP_MAX_P99_MS,
          WarmupReport.Problem.Kind.UNREACHABLE, PropertyNames.WARMUP_TARGET);

  /**
   * What a run left: the report, the directory of its evidence, soft problems (GitHub hand-off).
   */
  public record Result(WarmupReport report, Path directory, List<String> warnings) {}

  private final Path directory;
  private final GithubActions github;
  private final Function<Path, String> display;

  /**
   * @param directory where the evidence goes ({@code artifacts/param-kernel/warmup})
   * @param display how a path appears in messages and step outputs
   */
  public WarmupGoal(Path directory, GithubActions github, Function<Path, String> display) {
    this.directory = directory;
    this.github = github;
    this.display = display;
  }

  /**
   * The client's options from the goal's properties (property name to value; null = default).
   *
   * @throws GoalException (user-fixable) naming the property to change
   */
  public static WarmupOptions options(Map<String, String> byProperty) throws GoalException {
    Map<String, String> byOption = new HashMap<>();
    for (Map.Entry<String, String> e : byProperty.entrySet()) {
      String option = OPTION_OF_PROPERTY.get(e.getKey());
      if (option == null) {
        throw new IllegalArgumentException("not a warmup property: " + e.getKey());
      }
      if (e.getValue() == null) {
        continue;
      }
      String value = e.getValue().strip();
      if (option.equals(WarmupOptions.TIMEOUT_MS)) {
        long millis = Durations.parse(value, e.getKey()).toMillis();
        if (millis < 1) {
          throw GoalException.user(e.getKey() + " must be at least 1ms, but is '" + value + "'");
        }
        value = Long.toString(millis);
      }
      byOption.put(option, value);
    }
    try {
      return WarmupOptions.fromValues(byOption);
    } catch (WarmupOptions.UsageException e) {
      String property =
          OPTION_OF_PROPERTY.entrySet().stream()
              .filter(p -> p.getValue().equals(e.option()))
              .map(Map.Entry::getKey)
              .findFirst()
              // a problem of the options together: name the goal's properties as a group
              .orElse(
                  PropertyNames.WARMUP_TARGET.substring(
                          0, PropertyNames.WARMUP_TARGET.lastIndexOf('.') + 1)
                      + "*");
      throw GoalException.user(property + " " + e.problem());
    }
  }

  /**
   * Runs the warm-up, writes its evidence (also when it failed: that is when it is needed) and
   * hands the verdict to GitHub Actions.
   *
   * @throws IOException when the evidence cannot be written
   */
  public Result run(WarmupOptions options) throws IOException, InterruptedException {
    WarmupReport report = Warmup.run(options);
    Map<String, byte[]> files = new LinkedHashMap<>(report.files());
    String title =
        "param-kernel warm-up of "
            + options.displayTarget()
            + ": "
            + report.judgedWindow()
            + ", "
            + report.histogram().getTotalCount()
            + " requests";
    String caption =
        (report.passed() ? "passed" : "FAILED")
            + ": p95 "
            + PercentilePlot.number(report.percentiles().p95Millis())
            + " ms (limit "
            + PercentilePlot.number(options.maxP95Millis())
            + "), p99 "
            + PercentilePlot.number(report.percentiles().p99Millis())
            + " ms (limit "
            + PercentilePlot.number(options.maxP99Millis())
            + "), started "
            + report.startedAt();
    files.put(
        SVG_FILE,
        PercentilePlot.svg(
                report.histogram(), options.maxP95Millis(), options.maxP99Millis(), title, caption)
            .getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      AtomicFiles.write(
          directory.resolve(f.getKey()), new String(f.getValue(), StandardCharsets.UTF_8));
    }
    List<String> warnings = new ArrayList<>();
    if (github.isActions() || github.hasOutputFile()) {
      warnings.addAll(
          github.setOutputs(
              WarmupSummary.outputs(
                  report, display.apply(directory.resolve(WarmupReport.RUN_LOG_FILE)))));
      warnings.addAll(github.appendSummary(WarmupSummary.markdown(report)));
    }
    return new Result(report, directory, warnings);
  }

  /**
   * The goal's one INFO line: target, verdict, p95 / p99 of the judged window, where the evidence
   * is.
   */
  public String outcomeLine(WarmupReport report) {
    return "Warm-up of "
        + report.options().displayTarget()
        + " "
        + (report.passed() ? "passed" : "FAILED")
        + ": p95 "
        + PercentilePlot.number(report.percentiles().p95Millis())
        + " ms, p99 "
        + PercentilePlot.number(report.percentiles().p99Millis())
        + " ms over "
        + report.judgedWindow()
        + " (limits "
        + PercentilePlot.number(report.options().maxP95Millis())
        + " / "
        + PercentilePlot.number(report.options().maxP99Millis())
        + " ms), "
        + report.result().succeeded()
        + " of "
        + report.result().requests()
        + " requests answered 200; evidence in "
        + display.apply(directory);
  }

  /** Why the warm-up failed, each limit followed by the property that sets it. */
  public String failureMessage(WarmupReport report) {
    List<String> reasons = new ArrayList<>();
    for (WarmupReport.Problem problem : report.problems()) {
      String property = PROPERTY_OF_PROBLEM.get(problem.kind());
      reasons.add(problem.message() + (property == null ? "" : " (" + property + ")"));
    }
    return "Warm-up of "
        + report.options().displayTarget()
        + " failed: "
        + String.join("; ", reasons)
        + ". Evidence: "
        + display.apply(directory.resolve(WarmupReport.RUN_LOG_FILE));
  }

  /** Nothing answered: which target, and what the first attempt ran into. */
  public String unreachableMessage(WarmupReport report) {
    String error = report.result().firstError();
    return "Nothing answered at "
        + report.options().displayTarget()
        + " ("
        + PropertyNames.WARMUP_TARGET
        + "): none of the "
        + report.result().requests()
        + " requests got an answer"
        + (error == null ? "" : " (" + error + ")")
        + ". Is param-kernel-service running and reachable there?";
  }
}
