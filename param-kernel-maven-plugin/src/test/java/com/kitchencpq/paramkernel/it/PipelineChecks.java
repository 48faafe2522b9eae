package com.kitchencpq.paramkernel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kitchencpq.paramkernel.testkit.Skopeo;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the {@code pipeline-*} cases' verify scripts read back: the step outputs a build wrote,
 * {@code digest.json}, what the registry holds under a tag, and what the deploy put into the file
 * repository. Failures name the case file that was missing or wrong.
 */
public final class PipelineChecks {
  private PipelineChecks() {}

  /**
   * The name/value pairs of a {@code GITHUB_OUTPUT} file, heredoc values included. A name written
   * twice keeps its last value, as in GitHub Actions.
   */
  public static Map<String, String> githubOutputs(File basedir, String fileName)
      throws IOException {
    Path file = basedir.toPath().resolve(fileName);
    if (!Files.exists(file)) {
      throw new AssertionError("the build wrote no " + fileName + " in " + basedir);
    }
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int eq = line.indexOf('=');
      if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
        String name = line.substring(0, heredoc);
        String delimiter = line.substring(heredoc + 2);
        StringBuilder value = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).equals(delimiter); i++) {
          value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
        }
        out.put(name, value.toString());
      } else if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      } else if (!line.isBlank()) {
        throw new AssertionError(
            fileName + " line " + (i + 1) + " is neither name=value nor a heredoc: " + line);
      }
    }
    return out;
  }

  /** {@code artifacts/param-kernel/digest.json} of the case. */
  public static JsonNode digestJson(File basedir) throws IOException {
    Path file = basedir.toPath().resolve("artifacts/param-kernel/digest.json");
    if (!Files.exists(file)) {
      throw new AssertionError("no artifacts/param-kernel/digest.json in " + basedir);
    }
    return new ObjectMapper().readTree(file.toFile());
  }

  /**
   * The digest the registry reports for {@code host:port/repository:tag}, or empty when the tag
   * does not exist.
   */
  public static Optional<String> registryDigest(File basedir, String reference) {
    Skopeo skopeo = Skopeo.create(basedir.toPath());
    Skopeo.Result r =
        skopeo.runAllowingFailure(
            List.of(
                "inspect",
                "--tls-verify=false",
                "--authfile",
                basedir.toPath().resolve("skopeo-auth.json").toString(),
                "--format",
                "{{.Digest}}",
                "docker://" + reference));
    if (r.exitCode() == 0) {
      return Optional.of(r.stdout().trim());
    }
    if (r.stderr().contains("manifest unknown") || r.stderr().contains("not found")) {
      return Optional.empty();
    }
    throw new AssertionError("skopeo inspect " + reference + " failed: " + r.stderr());
  }

  /**
   * The deployed files of {@code groupId:artifactId:version} in a file repository whose names end
   * with {@code suffix} (e.g. {@code -rollout.yaml}; snapshot names carry a timestamp).
   */
  public static List<Path> deployed(
      File repository, String groupId, String artifactId, String version, String suffix)
      throws IOException {
    Path dir =
        repository.toPath().resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("nothing was deployed to " + dir);
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
