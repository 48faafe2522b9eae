package com.kitchencpq.paramkernel.plugin.warmup;

import com.kitchencpq.paramkernel.plugin.core.AbstractParamKernelMojo;
import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.service.warmup.WarmupOptions;
import com.kitchencpq.paramkernel.service.warmup.WarmupReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Warms a running param-kernel-service up the way the canary's warm-up Job does, with the same
 * client: the rollout plan's baseline requests at a fixed rate, judged on p95 / p99 after the first
 * iteration. Writes the evidence to {@code artifacts/param-kernel/warmup/} ({@code run-log.json},
 * {@code histogram.json}, {@code histogram.hgrm}, {@code percentiles.svg}) and fails the build when
 * the warm-up fails.
 */
@Mojo(name = "warmup", requiresProject = false, threadSafe = true)
public class WarmupMojo extends AbstractParamKernelMojo {

  /** Base URL of the service, e.g. {@code http://127.0.0.1:8080}. Required. */
  @Parameter(property = PropertyNames.WARMUP_TARGET)
  String target;

  /** Requests in all. */
  @Parameter(property = PropertyNames.WARMUP_REQUESTS, defaultValue = "200")
  String requests;

  /** Requests per second. */
  @Parameter(property = PropertyNames.WARMUP_RATE, defaultValue = "20")
  String rate;

  /** Requests in flight at most. */
  @Parameter(property = PropertyNames.WARMUP_CONCURRENCY, defaultValue = "5")
  String concurrency;

  /** Blocks the requests are split into (must divide the requests). */
  @Parameter(property = PropertyNames.WARMUP_ITERATIONS, defaultValue = "10")
  String iterations;

  /** Leading iterations left out of the judged window. */
  @Parameter(property = PropertyNames.WARMUP_JUDGE_SKIP_ITERATIONS, defaultValue = "1")
  String judgeSkipIterations;

  /** p95 of the judged window must be below this many milliseconds. */
  @Parameter(property = PropertyNames.WARMUP_MAX_P95_MS, defaultValue = "45")
  String maxP95Ms;

  /** p99 of the judged window must be below this many milliseconds. */
  @Parameter(property = PropertyNames.WARMUP_MAX_P99_MS, defaultValue = "70")
  String maxP99Ms;

  /** How long one request may take to answer, e.g. {@code 2s} or {@code 500ms}. */
  @Parameter(property = PropertyNames.WARMUP_TIMEOUT, defaultValue = "2s")
  String timeout;

  /** Skips this goal. */
  @Parameter(property = PropertyNames.WARMUP_SKIP, defaultValue = "false")
  boolean skipWarmup;

  @Override
  protected boolean goalSkipped() {
    return skipWarmup;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.WARMUP_SKIP;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Map<String, String> properties = new HashMap<>();
    properties.put(PropertyNames.WARMUP_TARGET, target);
    properties.put(PropertyNames.WARMUP_REQUESTS, requests);
    properties.put(PropertyNames.WARMUP_RATE, rate);
    properties.put(PropertyNames.WARMUP_CONCURRENCY, concurrency);
    properties.put(PropertyNames.WARMUP_ITERATIONS, iterations);
    properties.put(PropertyNames.WARMUP_JUDGE_SKIP_ITERATIONS, judgeSkipIterations);
    properties.put(PropertyNames.WARMUP_MAX_P95_MS, maxP95Ms);
    properties.put(PropertyNames.WARMUP_MAX_P99_MS, maxP99Ms);
    properties.put(PropertyNames.WARMUP_TIMEOUT, timeout);
    Path directory = artifactsDirectory().resolve(ArtifactFiles.WARMUP_DIRECTORY);
    WarmupGoal goal = new WarmupGoal(directory, github(), this::display);
    WarmupGoal.Result result;
    try {
      WarmupOptions options = WarmupGoal.options(properties);
      result = goal.run(options);
    } catch (GoalException e) {
      if (e.userFixable()) {
        throw new MojoFailureException(e.getMessage());
      }
      throw new MojoExecutionException(e.getMessage(), e.getCause());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Could not write the warm-up evidence to " + display(directory) + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted during the warm-up", e);
    }
    warnAll(result.warnings());
    WarmupReport report = result.report();
    getLog().info(goal.outcomeLine(report));
    if (report.unreachable()) {
      throw new MojoExecutionException(goal.unreachableMessage(report));
    }
    if (!report.passed()) {
      throw new MojoFailureException(goal.failureMessage(report));
    }
  }
}
