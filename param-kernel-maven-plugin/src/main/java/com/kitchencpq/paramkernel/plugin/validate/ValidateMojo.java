package com.kitchencpq.paramkernel.plugin.validate;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.core.AbstractParamKernelMojo;
import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import com.kitchencpq.paramkernel.plugin.github.StepSummary;
import com.kitchencpq.paramkernel.plugin.validate.report.GithubReport;
import com.kitchencpq.paramkernel.plugin.validate.report.OutputFormat;
import com.kitchencpq.paramkernel.plugin.validate.report.SarifReport;
import com.kitchencpq.paramkernel.plugin.validate.report.TextReport;
import com.kitchencpq.paramkernel.plugin.validate.rules.RuleRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks Argo Rollouts manifests (Rollouts, AnalysisTemplates, ClusterAnalysisTemplates and the
 * Services they use) for everything upstream Argo Rollouts would reject, plus hazards of the
 * param-kernel plan. All findings are printed as {@code path:line:column: severity [rule] message};
 * any error fails the build.
 */
@Mojo(
    name = "validate",
    requiresProject = false,
    threadSafe = true,
    defaultPhase = LifecyclePhase.VERIFY)
public class ValidateMojo extends AbstractParamKernelMojo {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Comma-separated files or directories (searched for *.yaml / *.yml); default: the rendered
   * rollout.
   */
  @Parameter(property = PropertyNames.VALIDATE_FILES)
  private String files;

  /** Also check the param-kernel rollout plan; hazards become errors. */
  @Parameter(property = PropertyNames.VALIDATE_PLAN, defaultValue = "true")
  private boolean plan;

  /**
   * text, github (workflow annotations) or sarif (a SARIF 2.1.0 file beside the rendered rollout).
   */
  @Parameter(property = PropertyNames.VALIDATE_FORMAT, defaultValue = "text")
  private String format;

  /**
   * The Argo Rollouts version whose fields and expression language the checks follow. Known: 1.7,
   * 1.8, 1.9 (the default, the newest release) and 1.10 (from the release candidate v1.10.0-rc1).
   * 1.7 to 1.9 evaluate conditions with antonmedv/expr 1.15.5, 1.10 with expr-lang/expr 1.17.7. A
   * field the chosen version does not have, or a condition its expression language rejects, is an
   * error.
   */
  @Parameter(property = PropertyNames.VALIDATE_ARGO_VERSION, defaultValue = "1.9")
  private String argoVersion;

  /** Warnings fail the build too. */
  @Parameter(property = PropertyNames.VALIDATE_FAIL_ON_WARNING, defaultValue = "false")
  private boolean failOnWarning;

  /** Skips this goal. */
  @Parameter(property = PropertyNames.VALIDATE_SKIP, defaultValue = "false")
  private boolean validateSkip;

  @Override
  protected boolean goalSkipped() {
    return validateSkip;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.VALIDATE_SKIP;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    OutputFormat outputFormat =
        OutputFormat.parse(format)
            .orElseThrow(
                () ->
                    new MojoFailureException(
                        PropertyNames.VALIDATE_FORMAT
                            + "="
                            + format
                            + " is not a format; use text, github or sarif"));
    ArgoVersion version =
        ArgoVersion.parse(argoVersion)
            .orElseThrow(
                () ->
                    new MojoFailureException(
                        PropertyNames.VALIDATE_ARGO_VERSION
                            + "="
                            + argoVersion
                            + " is not an Argo Rollouts version the checks know;"
                            + " use one of "
                            + ArgoVersion.known()));
    List<Path> inputs = inputs();
    long start = System.nanoTime();
    long cpuStart =
        THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    ValidationReport report;
    try {
      report =
          new Validator()
              .validate(inputs, new ValidationOptions(plan, topLevelDirectory(), version));
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Could not read the files to validate: " + e.getMessage(), e);
    }
    long cpu =
        THREADS.isCurrentThreadCpuTimeSupported()
            ? THREADS.getCurrentThreadCpuTime() - cpuStart
            : 0;
    getLog()
        .debug(
            "validate took "
                + (System.nanoTime() - start) / 1_000_000
                + " ms ("
                + cpu / 1_000_000
                + " ms CPU of the goal's thread) for "
                + report.fileCount()
                + " files, checked for "
                + version.label());
    for (Finding f : report.findings()) {
      if (f.severity() == Severity.ERROR) {
        getLog().error(f.toLine());
      } else {
        getLog().warn(f.toLine());
      }
    }
    GithubActions github = github();
    if (outputFormat == OutputFormat.GITHUB || github.isActions()) {
      GithubReport.annotate(report, github);
    }
    warnAll(
        github.setOutputs(
            new TreeMap<>(
                Map.of(
                    "validate-errors",
                    String.valueOf(report.errors()),
                    "validate-warnings",
                    String.valueOf(report.warnings())))));
    warnAll(
        github.appendSummary(
            StepSummary.validationSection(
                report.errors(),
                report.warnings(),
                report.findings().stream().map(Finding::toLine).toList())));
    if (outputFormat == OutputFormat.SARIF) {
      Path sarif = artifactsDirectory().resolve(ArtifactFiles.VALIDATE_SARIF);
      try {
        SarifReport.write(report, RuleRegistry.all(), sarif);
      } catch (IOException e) {
        throw new MojoExecutionException(
            "Could not write " + display(sarif) + ": " + e.getMessage(), e);
      }
      getLog().info("Wrote " + display(sarif));
    }
    getLog().info(TextReport.summary(report) + (plan ? "" : " (plan checks off)"));
    if (report.errors() > 0) {
      throw new MojoFailureException(
          "validate found "
              + report.errors()
              + " error"
              + (report.errors() == 1 ? "" : "s")
              + " (and "
              + report.warnings()
              + " warning"
              + (report.warnings() == 1 ? "" : "s")
              + "); see the lines above");
    }
    if (failOnWarning && report.warnings() > 0) {
      throw new MojoFailureException(
          "validate found "
              + report.warnings()
              + " warning"
              + (report.warnings() == 1 ? "" : "s")
              + " and "
              + PropertyNames.VALIDATE_FAIL_ON_WARNING
              + " is true");
    }
  }

  private List<Path> inputs() throws MojoFailureException, MojoExecutionException {
    List<Path> out = new ArrayList<>();
    if (files == null || files.isBlank()) {
      Path rendered = artifactsDirectory().resolve(ArtifactFiles.ROLLOUT_YAML);
      if (!Files.exists(rendered)) {
        throw new MojoFailureException(
            "Nothing to validate: "
                + display(rendered)
                + " does not exist; run the render"
                + " goal first or set "
                + PropertyNames.VALIDATE_FILES);
      }
      out.add(rendered);
      return out;
    }
    for (String part : files.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      Path path = baseDirectory().resolve(p).normalize();
      if (!Files.exists(path)) {
        throw new MojoFailureException(
            PropertyNames.VALIDATE_FILES
                + " names "
                + p
                + ", which does not exist ("
                + path
                + "); fix the path");
      }
      out.add(path);
    }
    if (out.isEmpty()) {
      throw new MojoFailureException(
          PropertyNames.VALIDATE_FILES + " lists no file; give files or directories");
    }
    try {
      if (Validator.expand(out).isEmpty()) {
        throw new MojoFailureException(
            PropertyNames.VALIDATE_FILES
                + "="
                + files
                + " contains no *.yaml or *.yml file; point it at the manifests to check");
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Could not list " + files + ": " + e.getMessage(), e);
    }
    return out;
  }
}
