package com.kitchencpq.paramkernel.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The invoker cases {@code src/it/pipeline-*} stand in for the deploy jobs of {@code
 * .github/workflows/ci.yml}; this test keeps them honest. It reads the one Maven command of each
 * job from the workflow and checks that the case runs the same goals, the same profiles and the
 * same {@code -D} switches, with values of the same shape (a shell variable in the workflow, such
 * as {@code $IMAGE}, stands for any value in the case).
 *
 * <p>A case may add only the switches in {@link #CASE_ONLY}: what a local registry and a file
 * repository need, and what a failure case changes on purpose.
 */
class CiWorkflowCommandsTest {

  /** Which job each pipeline case stands in for. */
  private static final Map<String, String> CASE_TO_JOB =
      Map.of(
          "pipeline-main", "deploy-main",
          "pipeline-main-fallback", "deploy-main",
          "pipeline-validation-error-fails", "deploy-main",
          "pipeline-release-fails", "deploy-release",
          "pipeline-cluster", "deploy-cluster");

  /** Switches a case may add, and why. */
  private static final Map<String, String> CASE_ONLY =
      Map.of(
          "paramkernel.allowInsecureRegistries", "the local registry speaks plain http",
          "paramkernel.image.base", "the base image comes from the local registry, not Docker Hub",
          "paramkernel.image.skip", "the fallback and release cases must not push the SHA image",
          "paramkernel.template", "the validation case renders a broken template");

  /**
   * Switches whose values differ by nature (a remote URL against a file URL); only their shape is
   * checked.
   */
  private static final Map<String, Pattern> SHAPE_ONLY =
      Map.of("altDeploymentRepository", Pattern.compile("[^:]+::\\S+"));

  /** A {@code -Dkey=value} written by a prebuild script (value up to a quote or line end). */
  private static final Pattern PREBUILD_SWITCH =
      Pattern.compile("-D([A-Za-z0-9_.]+)=([^'\"\\\\\\n]+)");

  private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?");

  @Test
  void theTestJobRunsTheReadmeCommand() throws IOException {
    Map<String, Object> job = jobs().get("test");
    assertThat(runLines(job)).containsExactly(".ci/run");
    String script =
        Files.readString(RepositoryFiles.root().resolve(".ci/run"), StandardCharsets.UTF_8);
    assertThat(script.lines().map(String::strip)).contains("mvn -B verify");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTestJobRunsOnEveryEventWithoutSecretsAndReadOnly() throws IOException {
    Map<String, Object> job = jobs().get("test");
    assertThat(job).doesNotContainKey("if");
    assertThat((Map<String, Object>) job.get("permissions")).isEqualTo(Map.of("contents", "read"));
    // Nothing in the job (step env, with:, run:) reads a secret.
    assertThat(String.valueOf(job)).doesNotContain("secrets.");
  }

  @Test
  void theJobsThatPushRunNoTestsAndOnlyAfterTheTestJob() throws IOException {
    for (String name : List.of("deploy-main", "deploy-release")) {
      Map<String, Object> job = jobs().get(name);
      assertThat(job.get("needs")).as("needs of %s", name).isEqualTo("test");
      assertThat(runLines(job)).as("run lines of %s", name).noneMatch(r -> r.contains(".ci/run"));
      // -DskipTests skips surefire, failsafe and (invoker.skip) the invoker cases alike.
      assertThat(jobCommand(name).properties())
          .as("mvn of %s", name)
          .containsEntry("skipTests", "true");
    }
    // The write permission is only where the push is.
    for (Map.Entry<String, Map<String, Object>> e : jobs().entrySet()) {
      boolean writes = String.valueOf(e.getValue().get("permissions")).contains("packages=write");
      assertThat(writes)
          .as("packages: write in job %s", e.getKey())
          .isEqualTo(List.of("deploy-main", "deploy-release").contains(e.getKey()));
    }
  }

  @Test
  void everyDeployJobCallsMavenExactlyOnce() throws IOException {
    for (String job : List.of("deploy-main", "deploy-release", "deploy-cluster")) {
      List<String> mvn =
          runLines(jobs().get(job)).stream().filter(r -> r.startsWith("mvn ")).toList();
      assertThat(mvn).as("mvn commands of job %s", job).hasSize(1);
    }
  }

  @Test
  void everyPipelineCaseIsComparedWithAJob() throws IOException {
    try (Stream<Path> dirs = Files.list(RepositoryFiles.root().resolve("src/it"))) {
      Set<String> cases =
          new TreeSet<>(
              dirs.filter(Files::isDirectory)
                  .map(d -> d.getFileName().toString())
                  .filter(n -> n.startsWith("pipeline-"))
                  .toList());
      assertThat(cases).isEqualTo(new TreeSet<>(CASE_TO_JOB.keySet()));
    }
  }

  @Test
  void mainAndReleaseJobsDifferOnlyInStrictnessVersionAndTags() throws IOException {
    MavenCommand main = jobCommand("deploy-main");
    MavenCommand release = jobCommand("deploy-release");
    assertThat(main.goals()).isEqualTo(release.goals()).containsExactly("deploy");
    assertThat(main.profiles()).isEqualTo(release.profiles()).containsExactly("pipeline");
    assertThat(main.properties()).containsEntry("paramkernel.strict", "false");
    assertThat(release.properties()).containsEntry("paramkernel.strict", "true");
    assertThat(release.properties().get("paramkernel.tags")).doesNotContain("latest");
    assertThat(release.properties()).containsEntry("paramkernel.image.latest", "false");
    assertThat(main.properties().get("paramkernel.tags")).endsWith(",latest");
    assertThat(main.properties()).containsEntry("paramkernel.image.latest", "true");
    assertThat(main.properties()).containsEntry("paramkernel.image.push", "true");
    assertThat(release.properties()).containsEntry("paramkernel.image.push", "true");
    assertThat(release.properties()).containsKey("revision");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theClusterJobIsOffUnlessEnabledAndRunsNoTests() throws IOException {
    Map<String, Object> job = jobs().get("deploy-cluster");
    String condition = String.valueOf(job.get("if"));
    // Enabled by a repository variable; secrets cannot be read in a job-level if.
    assertThat(condition).contains("vars.PARAMKERNEL_DEPLOY == 'true'").doesNotContain("secrets.");
    assertThat((List<String>) job.get("needs"))
        .containsExactlyInAnyOrder("deploy-main", "deploy-release");
    // It consumes the bundle the deploy jobs validated and uploaded.
    List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
    assertThat(steps)
        .anySatisfy(
            step -> {
              assertThat(String.valueOf(step.get("uses"))).startsWith("actions/download-artifact@");
              assertThat((Map<String, Object>) step.get("with"))
                  .containsEntry("name", "param-kernel-rollout")
                  .containsEntry("path", "artifacts/param-kernel");
            });
    for (String job2 : List.of("deploy-main", "deploy-release")) {
      assertThat(String.valueOf(jobs().get(job2).get("steps")))
          .contains("name=param-kernel-rollout");
    }
    // No test anywhere in the job that holds the kubeconfig.
    assertThat(runLines(job)).noneMatch(r -> r.contains(".ci/run"));
    MavenCommand mvn = jobCommand("deploy-cluster");
    assertThat(mvn.properties()).containsEntry("skipTests", "true");
    assertThat(mvn.goals()).containsExactly("verify");
    assertThat(mvn.profiles()).containsExactly("cluster");
  }

  @Test
  void pipelineCasesRunTheJobsCommands() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(CASE_TO_JOB).entrySet()) {
      problems.addAll(
          compare(e.getKey(), caseCommand(e.getKey()), e.getValue(), jobCommand(e.getValue())));
    }
    assertThat(problems)
        .as("differences between src/it/pipeline-* and " + RepositoryFiles.WORKFLOW)
        .isEmpty();
  }

  @Test
  void theComparisonSeesADifferentSwitchValue() {
    MavenCommand job =
        MavenCommand.parse(
            "mvn -B deploy -Ppipeline -Dparamkernel.strict=true -Dparamkernel.tags=\"$SHA\"");
    MavenCommand same =
        MavenCommand.parseArguments(
            List.of(
                "deploy", "-Ppipeline", "-Dparamkernel.strict=true", "-Dparamkernel.tags=0123abc"));
    MavenCommand looser =
        MavenCommand.parseArguments(
            List.of(
                "deploy",
                "-Ppipeline",
                "-Dparamkernel.strict=false",
                "-Dparamkernel.tags=0123abc,latest",
                "-Dparamkernel.extra=1"));

    assertThat(compare("same", same, "job", job)).isEmpty();
    assertThat(compare("looser", looser, "job", job))
        .containsExactlyInAnyOrder(
            "looser: -Dparamkernel.strict=false, but job has -Dparamkernel.strict=true",
            "looser: -Dparamkernel.tags=0123abc,latest does not have the shape of job's"
                + " -Dparamkernel.tags=$SHA",
            "looser: -Dparamkernel.extra=1 is not in job (add it there, or to CASE_ONLY with a"
                + " reason)");
  }

  static List<String> compare(String caseName, MavenCommand c, String jobName, MavenCommand job) {
    List<String> problems = new ArrayList<>();
    if (!c.goals().equals(job.goals())) {
      problems.add(caseName + ": goals " + c.goals() + ", but " + jobName + " runs " + job.goals());
    }
    if (!c.profiles().equals(job.profiles())) {
      problems.add(
          caseName + ": profiles " + c.profiles() + ", but " + jobName + " has " + job.profiles());
    }
    for (Map.Entry<String, String> p : new TreeMap<>(job.properties()).entrySet()) {
      String key = p.getKey();
      String want = p.getValue();
      String got = c.properties().get(key);
      if (got == null) {
        problems.add(
            caseName + ": missing -D" + key + " (" + jobName + " has -D" + key + "=" + want + ")");
      } else if (SHAPE_ONLY.containsKey(key)) {
        if (!SHAPE_ONLY.get(key).matcher(got).matches()) {
          problems.add(
              caseName + ": -D" + key + "=" + got + " is not of the form " + SHAPE_ONLY.get(key));
        }
      } else if (SHELL_VARIABLE.matcher(want).find()) {
        if (!shapeOf(want).matcher(got).matches()) {
          problems.add(
              caseName
                  + ": -D"
                  + key
                  + "="
                  + got
                  + " does not have the shape of "
                  + jobName
                  + "'s -D"
                  + key
                  + "="
                  + want);
        }
      } else if (!want.equals(got)) {
        problems.add(
            caseName + ": -D" + key + "=" + got + ", but " + jobName + " has -D" + key + "="
                + want);
      }
    }
    for (String key : new TreeSet<>(c.properties().keySet())) {
      if (!job.properties().containsKey(key) && !CASE_ONLY.containsKey(key)) {
        problems.add(
            caseName
                + ": -D"
                + key
                + "="
                + c.properties().get(key)
                + " is not in "
                + jobName
                + " (add it there, or to CASE_ONLY with a reason)");
      }
    }
    return problems;
  }

  /**
   * A job's value as a pattern: literal text, with each shell variable standing for a non-empty
   * value.
   */
  private static Pattern shapeOf(String value) {
    StringBuilder regex = new StringBuilder();
    Matcher m = SHELL_VARIABLE.matcher(value);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(value.substring(last, m.start()))).append("[^,]+");
      last = m.end();
    }
    regex.append(Pattern.quote(value.substring(last)));
    return Pattern.compile(regex.toString());
  }

  /**
   * The case's command: {@code invoker.goals}, {@code invoker.profiles}, the user properties file
   * it names, and what its {@code prebuild.groovy} adds to {@code .mvn/maven.config}: the registry
   * switches {@code InvokerRegistry.start} writes, and any {@code -Dkey=value} literal.
   */
  private static MavenCommand caseCommand(String caseName) throws IOException {
    Path dir = RepositoryFiles.root().resolve("src/it").resolve(caseName);
    Properties invoker = load(dir.resolve("invoker.properties"));
    List<String> args =
        new ArrayList<>(MavenCommand.words(invoker.getProperty("invoker.goals", "")));
    String profiles = invoker.getProperty("invoker.profiles", "").strip();
    if (!profiles.isEmpty()) {
      args.add("-P" + profiles.replaceAll("\\s*,\\s*", ","));
    }
    String userProperties = invoker.getProperty("invoker.userPropertiesFile");
    if (userProperties != null) {
      Properties switches = load(dir.resolve(userProperties.strip()));
      for (String key : new TreeSet<>(switches.stringPropertyNames())) {
        args.add("-D" + key + "=" + switches.getProperty(key));
      }
    }
    Path prebuild = dir.resolve("prebuild.groovy");
    if (Files.exists(prebuild)) {
      String script = Files.readString(prebuild, StandardCharsets.UTF_8);
      if (script.contains("InvokerRegistry.start(")) {
        args.add("-Dparamkernel.image=<registry>/kitchen-cpq/param-kernel-service");
        args.add("-Dparamkernel.allowInsecureRegistries=true");
      }
      Matcher m = PREBUILD_SWITCH.matcher(script);
      while (m.find()) {
        args.add("-D" + m.group(1) + "=" + m.group(2));
      }
    }
    return MavenCommand.parseArguments(args);
  }

  private static Properties load(Path file) throws IOException {
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(r);
    }
    return props;
  }

  private static MavenCommand jobCommand(String job) throws IOException {
    List<String> mvn =
        runLines(jobs().get(job)).stream().filter(r -> r.startsWith("mvn ")).toList();
    assertThat(mvn).as("mvn commands of job %s", job).hasSize(1);
    return MavenCommand.parse(mvn.get(0));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> jobs() throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Map<String, Object> workflow;
    try (Reader r = Files.newBufferedReader(RepositoryFiles.workflow(), StandardCharsets.UTF_8)) {
      workflow = yaml.load(r);
    }
    return (Map<String, Map<String, Object>>) workflow.get("jobs");
  }

  /** The {@code run:} scripts of a job's steps, stripped. */
  @SuppressWarnings("unchecked")
  private static List<String> runLines(Map<String, Object> job) {
    assertThat(job).as("job").isNotNull();
    List<String> runs = new ArrayList<>();
    for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
      Object run = step.get("run");
      if (run != null) {
        runs.add(run.toString().strip());
      }
    }
    return runs;
  }
}
