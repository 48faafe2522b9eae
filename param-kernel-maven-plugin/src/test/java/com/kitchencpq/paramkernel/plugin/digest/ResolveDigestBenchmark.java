package com.kitchencpq.paramkernel.plugin.digest;

import com.kitchencpq.paramkernel.plugin.core.Log;
import com.kitchencpq.paramkernel.testkit.LocalRegistry;
import com.kitchencpq.paramkernel.testkit.Skopeo;
import com.kitchencpq.paramkernel.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: compares resolve-digest's in-process resolution with {@code skopeo inspect} on the
 * same local registry. First-call numbers come from real {@code mvn} runs of the goal (the time the
 * goal itself logs, from the start of its work to the resolved digest; the plugin must be installed
 * in the local Maven repository), and from fresh JVMs: once with the plugin on the JVM class path,
 * once in a class loader of its own as Maven runs it ({@link PluginRealmLauncher}), and for scale a
 * JVM that sends nothing but one bare HEAD ({@link BareHeadRequest}); warm numbers from repeated
 * calls in one JVM. Results go into {@code docs/digest-benchmark.md}; see there for the command.
 * With the system property {@value #LOCAL_REPO} the {@code mvn} runs take the plugin from that
 * local repository (the invoker's {@code target/local-repo}) instead of the user's.
 */
public final class ResolveDigestBenchmark {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  /** System property: the local Maven repository the {@code mvn} runs use, if not the user's. */
  static final String LOCAL_REPO = "bench.localRepo";

  private ResolveDigestBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--once")) {
      long start = System.nanoTime();
      Resolution r = resolve(args[1]);
      long micros = (System.nanoTime() - start) / 1000;
      System.out.println("COLD " + micros + " " + r.digest());
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path work = Files.createTempDirectory("pk-bench");
    try (LocalRegistry registry = LocalRegistry.start()) {
      String image = registry.hostPort() + "/kitchen-cpq/param-kernel-service";
      String digest =
          TestImages.push(
              registry.hostPort(),
              "kitchen-cpq/param-kernel-service",
              TestImages.image("bench", "amd64"),
              null,
              null,
              SHA,
              "latest");

      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classPath = System.getProperty("java.class.path");
      Path launcherDir = copyClass(PluginRealmLauncher.class, work.resolve("launcher"));
      Path bareDir = copyClass(BareHeadRequest.class, work.resolve("bare"));
      String manifestUrl =
          "http://" + registry.hostPort() + "/v2/kitchen-cpq/param-kernel-service/manifests/" + SHA;
      List<Double> cold = new ArrayList<>();
      List<Double> coldOwnLoader = new ArrayList<>();
      List<Double> bare = new ArrayList<>();
      List<Double> inMaven = new ArrayList<>();
      List<Double> skopeoTimes = new ArrayList<>();
      Skopeo skopeo = Skopeo.create(work);
      Path project = mavenProject(work.resolve("project"));
      for (int i = 0; i < runs; i++) {
        // The goal and a skopeo process back to back, so each pair sees the same machine.
        inMaven.add(goalInMaven(project, image, digest));
        long start = System.nanoTime();
        check(skopeo.inspectDigest(image + ":" + SHA), digest);
        skopeoTimes.add((System.nanoTime() - start) / 1e6);
        cold.add(
            coldCall(
                digest,
                java,
                "-cp",
                classPath,
                ResolveDigestBenchmark.class.getName(),
                "--once",
                image));
        coldOwnLoader.add(
            coldCall(
                digest,
                java,
                "-cp",
                launcherDir.toString(),
                PluginRealmLauncher.class.getName(),
                classPath,
                "--once",
                image));
        bare.add(
            coldCall(
                digest,
                java,
                "-cp",
                bareDir.toString(),
                BareHeadRequest.class.getName(),
                manifestUrl));
      }

      List<Double> warm = new ArrayList<>();
      resolve(image);
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        check(resolve(image).digest(), digest);
        warm.add((System.nanoTime() - start) / 1e6);
      }

      List<Double> skopeoRaw = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        skopeo.run(
            List.of(
                "inspect",
                "--raw",
                "--tls-verify=false",
                "--authfile",
                work.resolve("skopeo-auth.json").toString(),
                "docker://" + image + ":" + SHA));
        skopeoRaw.add((System.nanoTime() - start) / 1e6);
      }
      System.out.println("| what | runs | min ms | median ms | max ms |");
      System.out.println("|---|---|---|---|---|");
      row(
          "resolve-digest goal in a real mvn run, first call in Maven's JVM (time the goal logs)",
          inMaven);
      row("resolve-digest, first call in a fresh JVM (in-process time)", cold);
      row(
          "resolve-digest, first call in a fresh JVM, plugin in its own class loader",
          coldOwnLoader);
      row("floor: one bare HttpURLConnection HEAD in a fresh JVM (in-process time)", bare);
      row("resolve-digest, later calls in the same JVM", warm);
      row("skopeo inspect --format {{.Digest}} (process)", skopeoTimes);
      row("skopeo inspect --raw (process)", skopeoRaw);
      paired(inMaven, skopeoTimes);
    }
  }

  /** Goal minus skopeo, round by round: the median difference and how often the goal won. */
  private static void paired(List<Double> goal, List<Double> skopeo) {
    List<Double> differences = new ArrayList<>();
    int faster = 0;
    for (int i = 0; i < goal.size(); i++) {
      differences.add(goal.get(i) - skopeo.get(i));
      if (goal.get(i) <= skopeo.get(i)) {
        faster++;
      }
    }
    Collections.sort(differences);
    System.out.printf(
        "%nPaired, same round: goal in mvn minus skopeo --format, median %+.1f ms"
            + " (min %+.1f, max %+.1f); the goal was no slower in %d of %d rounds%n",
        differences.get(differences.size() / 2),
        differences.get(0),
        differences.get(differences.size() - 1),
        faster,
        goal.size());
  }

  /** A project with nothing but a POM, to run the goal in. */
  private static Path mavenProject(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("pom.xml"),
        "<project"
            + " xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging></project>\n");
    return dir;
  }

  /**
   * Runs the goal in a fresh {@code mvn} process (online: offline Maven asks no registry); returns
   * the resolution time the goal logs, in milliseconds.
   */
  private static double goalInMaven(Path project, String image, String digest)
      throws IOException, InterruptedException {
    String goal = "com.kitchencpq:param-kernel-maven-plugin:" + pluginVersion() + ":resolve-digest";
    List<String> command =
        new ArrayList<>(
            List.of(
                "mvn",
                "-B",
                "-ntp",
                goal,
                "-Dparamkernel.image=" + image,
                "-Dparamkernel.tags=" + SHA + ",latest",
                "-Dparamkernel.allowInsecureRegistries=true"));
    String localRepo = System.getProperty(LOCAL_REPO);
    if (localRepo != null && !localRepo.isBlank()) {
      command.add("-Dmaven.repo.local=" + Path.of(localRepo).toAbsolutePath());
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("GITHUB_"));
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m =
        Pattern.compile(
                "Resolved \\S+ -> (sha256:[0-9a-f]{64}) \\(from registry [^)]*\\) in (\\d+) ms")
            .matcher(out);
    if (!m.find()) {
      throw new IllegalStateException(
          "no resolution in the mvn output (build the plugin into the"
              + " invoker's repository first and pass -D"
              + LOCAL_REPO
              + "=target/local-repo; see"
              + " docs/digest-benchmark.md, Command):\n"
              + out);
    }
    check(m.group(1), digest);
    return Double.parseDouble(m.group(2));
  }

  private static String pluginVersion() throws IOException {
    try (InputStream in =
        ResolveDigestBenchmark.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      Matcher m =
          Pattern.compile("<version>([^<]+)</version>")
              .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!m.find()) {
        throw new IllegalStateException("no version in META-INF/maven/plugin.xml");
      }
      return m.group(1);
    }
  }

  /** Runs one {@code --once} JVM; returns its in-process time in milliseconds. */
  private static double coldCall(String digest, String... command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    String line =
        out.lines()
            .filter(l -> l.startsWith("COLD "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(out));
    String[] parts = line.split(" ");
    check(parts[2], digest);
    return Long.parseLong(parts[1]) / 1000.0;
  }

  /** A directory holding only this class, to be a JVM class path of its own. */
  private static Path copyClass(Class<?> type, Path dir) throws IOException {
    String file = type.getSimpleName() + ".class";
    Path target = dir.resolve(type.getPackageName().replace('.', '/')).resolve(file);
    Files.createDirectories(target.getParent());
    try (InputStream in = type.getResourceAsStream(file)) {
      Files.copy(in, target);
    }
    return dir;
  }

  private static Resolution resolve(String image) throws Exception {
    return new DigestResolver(
            new Log() {
              @Override
              public void info(String message) {}

              @Override
              public void warn(String message) {}

              @Override
              public void debug(String message) {}
            })
        .resolve(
            new DigestResolver.Request(
                image,
                SHA + ",latest",
                false,
                null,
                null,
                false,
                true,
                false,
                Duration.ofSeconds(15),
                Duration.ZERO,
                Duration.ofSeconds(5),
                ids -> Optional.empty(),
                Map.of(),
                null,
                Path.of(System.getProperty("user.home"))));
  }

  private static void check(String got, String want) {
    if (!got.equals(want)) {
      throw new IllegalStateException("digest " + got + " != " + want);
    }
  }

  private static void row(String what, List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    System.out.printf(
        "| %s | %d | %.1f | %.1f | %.1f |%n",
        what,
        sorted.size(),
        sorted.get(0),
        sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1));
  }
}
