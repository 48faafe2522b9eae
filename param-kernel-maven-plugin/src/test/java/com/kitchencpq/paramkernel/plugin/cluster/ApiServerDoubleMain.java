package com.kitchencpq.paramkernel.plugin.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The API server double as a process, for the invoker cases ({@link InvokerApiServer} starts it):
 * {@code <case dir> <scenario> <seed> <parent pid>}. Writes {@code kubeconfig} (with {@link
 * InvokerApiServer#TOKEN}) and {@code api-server.properties}, logs each request, plays the scenario
 * once the Rollout exists, and ends on the stop file, when the parent ends, or after 15 minutes.
 */
public final class ApiServerDoubleMain {
  private ApiServerDoubleMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String scenario = args[1];
    boolean seed = Boolean.parseBoolean(args[2]);
    long parent = Long.parseLong(args[3]);
    boolean handshake = args.length < 5 || Boolean.parseBoolean(args[4]);
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    try (ApiServerDouble server = new ApiServerDouble().start()) {
      server.writeKubeconfig(dir.resolve("kubeconfig"), InvokerApiServer.TOKEN, null);
      Path work = Files.createDirectories(dir.resolve("target/api-server"));
      try (Fabric8ClusterApi api = server.clusterApi(work, null)) {
        if (seed) {
          Path bundle = ShippedBundle.write(work.resolve("seed"), ShippedBundle.DIGEST, null);
          new BundleApplier()
              .apply(
                  ShippedBundle.read(bundle),
                  api,
                  new BundleApplier.Options(null, false, false),
                  a -> {});
        }
        int seeded = server.mark();
        Properties state = new Properties();
        state.setProperty("url", server.url());
        state.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        Path tmp = dir.resolve(InvokerApiServer.STATE + ".tmp");
        try (var out = Files.newBufferedWriter(tmp)) {
          state.store(out, "API server double of this invoker case");
        }
        Files.move(tmp, dir.resolve(InvokerApiServer.STATE));
        Thread player = null;
        if (!"none".equals(scenario)) {
          ControllerSimulation.Scenario s =
              ControllerSimulation.Scenario.valueOf(
                  scenario.toUpperCase(Locale.ROOT).replace('-', '_'));
          ControllerSimulation controller =
              new ControllerSimulation(
                  server,
                  work.resolve("controller"),
                  ShippedBundle.NAMESPACE,
                  ShippedBundle.ROLLOUT,
                  handshake);
          player =
              new Thread(
                  () -> {
                    try {
                      controller.awaitRollout(TimeUnit.MINUTES.toMillis(10));
                      controller.run(s);
                      System.out.println("scenario " + scenario + " played");
                      Files.writeString(dir.resolve(InvokerApiServer.PLAYED), scenario);
                    } catch (Exception e) {
                      System.out.println("scenario " + scenario + " failed: " + e);
                    } finally {
                      controller.close();
                    }
                  },
                  "controller");
          player.setDaemon(true);
          player.start();
        }
        int logged = seeded;
        while (!Files.exists(dir.resolve(InvokerApiServer.STOP))
            && System.nanoTime() < end
            && ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
          logged = log(server, dir, logged);
          Thread.sleep(100);
        }
        log(server, dir, logged);
      }
    }
    System.exit(0);
  }

  private static int log(ApiServerDouble server, Path dir, int from) throws IOException {
    var all = server.requests();
    StringBuilder text = new StringBuilder();
    for (int i = from; i < all.size(); i++) {
      ApiServerDouble.Request r = all.get(i);
      // Whether the request carried the kubeconfig's token; the token itself is never written.
      String auth =
          r.authorization() == null
              ? "no-auth"
              : r.authorization().equals("Bearer " + InvokerApiServer.TOKEN)
                  ? "bearer-token"
                  : "other-auth";
      text.append(r.method())
          .append(' ')
          .append(r.path())
          .append(' ')
          .append(r.contentType() == null ? "-" : r.contentType())
          .append(' ')
          .append(auth)
          .append('\n');
      if (!r.body().isEmpty()) {
        text.append("  ").append(r.body().replace("\n", "\n  ")).append('\n');
      }
    }
    if (text.length() > 0) {
      Files.writeString(
          dir.resolve(InvokerApiServer.REQUESTS),
          text,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    return all.size();
  }
}
