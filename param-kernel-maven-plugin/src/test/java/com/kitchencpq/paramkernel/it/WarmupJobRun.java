package com.kitchencpq.paramkernel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kitchencpq.paramkernel.testkit.FreePorts;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs the rendered bundle's warm-up Job container the way a kubelet would, without a cluster: the
 * image's layers (from the OCI layout the image goal wrote) are unpacked into a directory, the
 * container command is built with Kubernetes' rules (the container's {@code command} replaces the
 * image's Entrypoint, its {@code args} replace the image's Cmd), and it runs with the local {@code
 * java} in place of the image's. Paths of the image ({@code /app/...}) are mapped into the unpacked
 * directory. The service the Job warms up is started from the same layout with the image's own
 * entrypoint.
 *
 * <p>The one change to the Job's arguments: the {@code --target} URL names the canary Service's
 * cluster DNS name, which only a cluster resolves, so it is replaced by the loopback address of the
 * service started here. Everything else (entrypoint, JVM flags, class path, main class, every other
 * argument) is exactly what the cluster would run.
 */
public final class WarmupJobRun {
  /** What the Job's container did. */
  public record Result(
      int exitCode, String output, List<String> command, String serviceOutput, Path root) {
    /** The command (image paths shown as in the image), exit code, output, service log tail. */
    public String describe() {
      String shown = String.join(" ", command).replace(root.toString(), "");
      return "warm-up Job command: "
          + shown
          + "\nexit code: "
          + exitCode
          + "\noutput:\n"
          + output
          + "\nservice output (last lines):\n"
          + tail(serviceOutput, 20);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private WarmupJobRun() {}

  /**
   * Unpacks {@code ociLayout} under {@code work}, starts the service from it, runs the warm-up Job
   * of {@code renderedBundle} against it and stops the service again.
   */
  public static Result run(Path work, Path ociLayout, Path renderedBundle) throws Exception {
    Image image = Image.read(ociLayout);
    Path root = Files.createDirectories(work.resolve("target/image-root"));
    image.unpack(ociLayout, root);
    Map<String, Object> container = warmupContainer(renderedBundle);
    String digest = String.valueOf(container.get("image"));
    if (!digest.endsWith("@" + image.digest)) {
      throw new AssertionError("the Job runs " + digest + " but the layout holds " + image.digest);
    }

    int port = FreePorts.loopback();
    List<String> serviceCommand = localCommand(image.entrypoint, root);
    serviceCommand.addAll(image.cmd);
    ProcessBuilder service =
        new ProcessBuilder(serviceCommand)
            .directory(workingDirectory(image, root).toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("target/service.log").toFile());
    image.env.forEach(service.environment()::put);
    service.environment().put("HOST", "127.0.0.1");
    service.environment().put("PORT", Integer.toString(port));
    Process serviceProcess = service.start();
    try {
      awaitReady(port, serviceProcess, Duration.ofSeconds(60));
      List<String> job = new ArrayList<>();
      @SuppressWarnings("unchecked")
      List<Object> command = (List<Object>) container.get("command");
      @SuppressWarnings("unchecked")
      List<Object> args = (List<Object>) container.get("args");
      job.addAll(localCommand(command != null ? strings(command) : image.entrypoint, root));
      List<String> jobArgs = args != null ? strings(args) : command != null ? List.of() : image.cmd;
      for (String a : jobArgs) {
        job.add(a.startsWith("--target=") ? "--target=http://127.0.0.1:" + port : a);
      }
      ProcessBuilder pb =
          new ProcessBuilder(job)
              .directory(workingDirectory(image, root).toFile())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("target/warmup-job.log").toFile());
      image.env.forEach(pb.environment()::put);
      Process p = pb.start();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("the warm-up Job did not end within 3 minutes");
      }
      return new Result(
          p.exitValue(),
          Files.readString(work.resolve("target/warmup-job.log")),
          job,
          Files.readString(work.resolve("target/service.log")),
          root);
    } finally {
      serviceProcess.destroy();
      if (!serviceProcess.waitFor(30, TimeUnit.SECONDS)) {
        serviceProcess.destroyForcibly();
      }
    }
  }

  /** The single container of the param-kernel-warmup AnalysisTemplate's Job. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> warmupContainer(Path bundle) throws IOException {
    for (Object doc :
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(bundle))) {
      if (!(doc instanceof Map<?, ?> d)
          || !"AnalysisTemplate".equals(d.get("kind"))
          || !"param-kernel-warmup".equals(((Map<String, Object>) d.get("metadata")).get("name"))) {
        continue;
      }
      for (Object m : (List<Object>) ((Map<String, Object>) d.get("spec")).get("metrics")) {
        Map<String, Object> job =
            (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) m).get("provider")).get("job");
        if (job != null) {
          Map<String, Object> pod =
              (Map<String, Object>)
                  ((Map<String, Object>) ((Map<String, Object>) job.get("spec")).get("template"))
                      .get("spec");
          return (Map<String, Object>) ((List<Object>) pod.get("containers")).get(0);
        }
      }
    }
    throw new AssertionError("no param-kernel-warmup Job in " + bundle);
  }

  private static List<String> strings(List<Object> list) {
    return list.stream().map(String::valueOf).toList();
  }

  /** The container command with the local java and the image's paths mapped under {@code root}. */
  static List<String> localCommand(List<String> command, Path root) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < command.size(); i++) {
      String arg = command.get(i);
      if (i == 0 && arg.equals("java")) {
        out.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        continue;
      }
      String[] parts = arg.split(":", -1);
      for (int j = 0; j < parts.length; j++) {
        String part = parts[j];
        if (part.startsWith("/") && Files.exists(root.resolve(part.substring(1)).getParent())) {
          parts[j] = root.resolve(part.substring(1)).toString();
        }
      }
      out.add(String.join(":", parts));
    }
    return out;
  }

  private static Path workingDirectory(Image image, Path root) {
    return image.workingDir.isEmpty() ? root : root.resolve(image.workingDir.substring(1));
  }

  private static void awaitReady(int port, Process process, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the service from the image exited with " + process.exitValue());
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/healthz/ready").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(1000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the service from the image was not ready within " + timeout);
  }

  private static String tail(String s, int lines) {
    List<String> all = s.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** The parts of an OCI image this needs: digest, layers, entrypoint, cmd, env, working dir. */
  private record Image(
      String digest,
      List<String> layers,
      List<String> entrypoint,
      List<String> cmd,
      Map<String, String> env,
      String workingDir) {

    static Image read(Path layout) throws IOException {
      JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
      String digest = index.path("manifests").path(0).path("digest").asText();
      JsonNode manifest = JSON.readTree(blob(layout, digest).toFile());
      JsonNode config =
          JSON.readTree(blob(layout, manifest.path("config").path("digest").asText()).toFile())
              .path("config");
      List<String> layers = new ArrayList<>();
      manifest.path("layers").forEach(l -> layers.add(l.path("digest").asText()));
      Map<String, String> env = new LinkedHashMap<>();
      config
          .path("Env")
          .forEach(
              e -> {
                String kv = e.asText();
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
              });
      return new Image(
          digest,
          layers,
          texts(config.path("Entrypoint")),
          texts(config.path("Cmd")),
          env,
          config.path("WorkingDir").asText(""));
    }

    private static List<String> texts(JsonNode array) {
      List<String> out = new ArrayList<>();
      array.forEach(n -> out.add(n.asText()));
      return out;
    }

    private static Path blob(Path layout, String digest) {
      return layout
          .resolve("blobs")
          .resolve(digest.substring(0, digest.indexOf(':')))
          .resolve(digest.substring(digest.indexOf(':') + 1));
    }

    /** Unpacks the layers in order (regular files and directories; nothing outside root). */
    void unpack(Path layout, Path root) throws IOException {
      Path base = root.toAbsolutePath().normalize();
      for (String layer : layers) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(blob(layout, layer)));
            TarArchiveInputStream tar =
                new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
          TarArchiveEntry e;
          while ((e = tar.getNextEntry()) != null) {
            Path target = base.resolve(e.getName()).normalize();
            if (!target.startsWith(base)) {
              throw new IOException("layer entry outside the root: " + e.getName());
            }
            if (e.isDirectory()) {
              Files.createDirectories(target);
            } else if (e.isFile()) {
              Files.createDirectories(target.getParent());
              Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
    }
  }
}
