package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.core.AbstractParamKernelMojo;
import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs Argo Rollouts AnalysisTemplates against a real Prometheus the way the Argo Rollouts
 * controller runs an AnalysisRun, without a cluster: live (measurements as the schedule says) or
 * replayed at past instants ({@code paramkernel.analyze.start}). Prints a table per metric and the
 * verdict, writes {@code artifacts/param-kernel/analysis.json}, and fails the build on Failed and
 * Error (and on Inconclusive unless {@code paramkernel.analyze.failOnInconclusive=false}).
 */
@Mojo(name = "analyze", requiresProject = false, threadSafe = true)
public class AnalyzeMojo extends AbstractParamKernelMojo {

  /**
   * Comma-separated files or directories (*.yaml, *.yml) with the templates and the Rollout;
   * default: the rendered rollout.
   */
  @Parameter(property = PropertyNames.ANALYZE_FILES)
  String files;

  /**
   * Comma-separated AnalysisTemplate / ClusterAnalysisTemplate names; default: those of the
   * Rollout's first analysis.
   */
  @Parameter(property = PropertyNames.ANALYZE_TEMPLATES)
  String templates;

  /**
   * Argument values, name=value,name=value (they win over the Rollout's); write a comma in a value
   * as \,.
   */
  @Parameter(property = PropertyNames.ANALYZE_ARGS)
  String args;

  /** Replaces the address of every Prometheus metric. */
  @Parameter(property = PropertyNames.PROMETHEUS_ADDRESS)
  String prometheusAddress;

  /**
   * Replay from this instant (ISO-8601 with zone, or Unix epoch seconds) instead of measuring live.
   */
  @Parameter(property = PropertyNames.ANALYZE_START)
  String start;

  /** Whether an Inconclusive run fails the build. */
  @Parameter(property = PropertyNames.ANALYZE_FAIL_ON_INCONCLUSIVE, defaultValue = "true")
  boolean failOnInconclusive;

  /**
   * The Argo Rollouts version whose semantics to follow (shared with validate): 1.7, 1.8, 1.9 or
   * 1.10.
   */
  @Parameter(property = PropertyNames.VALIDATE_ARGO_VERSION, defaultValue = "1.9")
  String argoVersion;

  /** Skips this goal. */
  @Parameter(property = PropertyNames.ANALYZE_SKIP, defaultValue = "false")
  boolean analyzeSkip;

  @Override
  protected boolean goalSkipped() {
    return analyzeSkip;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.ANALYZE_SKIP;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    long started = System.nanoTime();
    Path artifacts = artifactsDirectory();
    ArgoVersion release =
        ArgoVersion.parse(argoVersion)
            .orElseThrow(
                () ->
                    new MojoFailureException(
                        PropertyNames.VALIDATE_ARGO_VERSION
                            + "="
                            + argoVersion
                            + " is not an Argo Rollouts version analyze knows;"
                            + " use one of "
                            + ArgoVersion.known()));
    AnalysisResult result;
    try {
      AnalysisRequest.Mode mode =
          start == null || start.isBlank()
              ? AnalysisRequest.Mode.live()
              : AnalysisRequest.Mode.replay(
                  AnalysisRequest.Mode.parseStart(start, PropertyNames.ANALYZE_START));
      AnalysisRequest request =
          AnalysisRequest.of(sources())
              .withTemplates(names(templates))
              .withArgs(AnalysisRequest.parseArgs(args, PropertyNames.ANALYZE_ARGS))
              .withPrometheusAddress(
                  prometheusAddress == null || prometheusAddress.isBlank()
                      ? null
                      : prometheusAddress.trim())
              .withMode(mode)
              .withRelease(release)
              .withListener(listener(mode.isReplay()));
      getLog()
          .info(
              "Analyzing "
                  + (mode.isReplay() ? "as replayed from " + mode.replayStart() : "live")
                  + " with the semantics of Argo Rollouts "
                  + release.version());
      result = Analyzer.analyze(request);
    } catch (GoalException e) {
      removeStale(artifacts);
      if (e.userFixable()) {
        throw new MojoFailureException(e.getMessage());
      }
      throw new MojoExecutionException(e.getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      removeStale(artifacts);
      throw new MojoExecutionException("interrupted while analyzing", e);
    }
    Path json;
    try {
      json = AnalysisReport.write(artifacts, result);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Could not write "
              + display(artifacts.resolve(ArtifactFiles.ANALYSIS_JSON))
              + ": "
              + e.getMessage(),
          e);
    }
    AnalysisReport.table(result).forEach(getLog()::info);
    GithubActions github = github();
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("analysis-phase", result.phase().text());
    outputs.put("analysis-path", display(json));
    warnAll(github.setOutputs(outputs));
    warnAll(github.appendSummary(AnalysisReport.summary(result)));
    boolean passes = result.passes(failOnInconclusive);
    if (result.phase() != Phase.SUCCESSFUL && github.isActions()) {
      github.annotate(
          passes ? "warning" : "error",
          null,
          0,
          0,
          "param-kernel analyze",
          "Analysis " + result.phase() + ": " + result.message());
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    String outcome =
        "Analysis "
            + result.phase()
            + ": "
            + result.message()
            + " ("
            + result.measurementCount()
            + " measurements, "
            + AnalysisReport.how(result)
            + ", in "
            + ms
            + " ms; "
            + display(json)
            + ")";
    if (passes) {
      if (result.phase() == Phase.SUCCESSFUL) {
        getLog().info(outcome);
      } else {
        getLog()
            .warn(
                outcome
                    + "; it passes because "
                    + PropertyNames.ANALYZE_FAIL_ON_INCONCLUSIVE
                    + "=false");
      }
      return;
    }
    getLog().error(outcome);
    String reason =
        "Analysis " + result.phase() + ": " + result.message() + "; see " + display(json);
    if (result.phase() == Phase.INCONCLUSIVE) {
      throw new MojoFailureException(
          reason
              + " (Argo Rollouts pauses the rollout on an Inconclusive run; set "
              + PropertyNames.ANALYZE_FAIL_ON_INCONCLUSIVE
              + "=false to let it pass here)");
    }
    if (result.unreachable()) {
      throw new MojoExecutionException(
          reason
              + " (Prometheus gave no answer: check the address, or set "
              + PropertyNames.PROMETHEUS_ADDRESS
              + ")");
    }
    throw new MojoFailureException(reason);
  }

  private AnalysisListener listener(boolean replay) {
    return new AnalysisListener() {
      @Override
      public void measured(String metric, int number, Measurement m) {
        String line = AnalysisReport.progress(metric, number, m);
        if (replay) {
          getLog().debug(line);
        } else {
          getLog().info(line);
        }
      }

      @Override
      public void waiting(Instant until, List<String> metrics) {
        if (!replay) {
          long s = Math.max(0, Duration.between(Instant.now(), until).toSeconds());
          getLog()
              .info(
                  "Next measurement of "
                      + String.join(", ", metrics)
                      + " at "
                      + until
                      + " (in "
                      + s
                      + " s)");
        }
      }

      @Override
      public void notice(String message) {
        getLog().info(message);
      }

      @Override
      public void warning(String message) {
        getLog().warn(message);
      }
    };
  }

  private List<SourceText> sources() throws MojoFailureException, MojoExecutionException {
    List<Path> paths = new ArrayList<>();
    if (files == null || files.isBlank()) {
      Path rendered = artifactsDirectory().resolve(ArtifactFiles.ROLLOUT_YAML);
      if (!Files.exists(rendered)) {
        throw new MojoFailureException(
            "Nothing to analyze: "
                + display(rendered)
                + " does not exist; run the render"
                + " goal first or set "
                + PropertyNames.ANALYZE_FILES);
      }
      paths.add(rendered);
    } else {
      for (String part : files.split(",")) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        Path path = baseDirectory().resolve(p).normalize();
        if (!Files.exists(path)) {
          throw new MojoFailureException(
              PropertyNames.ANALYZE_FILES
                  + " names "
                  + p
                  + ", which does not exist ("
                  + path
                  + "); fix the path");
        }
        paths.add(path);
      }
      if (paths.isEmpty()) {
        throw new MojoFailureException(
            PropertyNames.ANALYZE_FILES + " lists no file; give files or directories");
      }
    }
    try {
      List<SourceText> sources = AnalysisRequest.read(paths, topLevelDirectory());
      if (sources.isEmpty()) {
        throw new MojoFailureException(
            PropertyNames.ANALYZE_FILES
                + "="
                + files
                + " contains no *.yaml or *.yml file; point it at the templates and the Rollout");
      }
      return sources;
    } catch (IOException e) {
      throw new MojoExecutionException("Could not read " + paths + ": " + e.getMessage(), e);
    }
  }

  private static List<String> names(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private void removeStale(Path artifacts) {
    try {
      if (AnalysisReport.removeStale(artifacts)) {
        getLog()
            .warn("Removed the stale " + display(artifacts.resolve(ArtifactFiles.ANALYSIS_JSON)));
      }
    } catch (IOException e) {
      getLog()
          .warn(
              "Could not remove the stale "
                  + artifacts.resolve(ArtifactFiles.ANALYSIS_JSON)
                  + ": "
                  + e.getMessage());
    }
  }
}
