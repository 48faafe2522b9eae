package com.kitchencpq.paramkernel.it;

import com.kitchencpq.paramkernel.testkit.LocalRegistry;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real registry for one invoker case: its {@code prebuild.groovy} starts it, its
 * {@code verify.groovy} stops it. The invoker runs every hook script of a run with one class
 * loader, so the registry is kept here between the two, keyed by the case directory. A case
 * whose build ends unexpectedly (so the invoker skips its verify script) still loses its
 * registry when the Maven JVM exits ({@link LocalRegistry} has a shutdown hook).
 *
 * <p>The forked build learns where the registry is from a properties file in the case
 * directory, named by {@code invoker.userPropertiesFile} (the invoker reads it after the
 * prebuild hook), e.g. {@code -Dparamkernel.image=${pk.it.image}} in {@code invoker.goals}.
 */
public final class CaseRegistry {
  private static final Map<String, LocalRegistry> RUNNING = new ConcurrentHashMap<>();

  private CaseRegistry() {}

  /** Starts a registry without authentication for the case (stopping one left by an earlier run). */
  public static LocalRegistry start(File basedir) {
    stop(basedir);
    LocalRegistry registry = LocalRegistry.start();
    RUNNING.put(key(basedir), registry);
    return registry;
  }

  /** The case's running registry. */
  public static LocalRegistry get(File basedir) {
    LocalRegistry registry = RUNNING.get(key(basedir));
    if (registry == null) {
      throw new IllegalStateException("no registry was started for " + basedir
          + " (does the case have a prebuild.groovy that calls CaseRegistry.start?)");
    }
    return registry;
  }

  /** Stops the case's registry, if one runs. */
  public static void stop(File basedir) {
    LocalRegistry registry = RUNNING.remove(key(basedir));
    if (registry != null) {
      registry.close();
    }
  }

  /** Writes user properties for the forked build into a file of the case directory. */
  public static void writeProperties(File basedir, String fileName, Map<String, String> values)
      throws IOException {
    Properties props = new Properties();
    props.putAll(new TreeMap<>(values));
    try (Writer w = Files.newBufferedWriter(basedir.toPath().resolve(fileName), StandardCharsets.UTF_8)) {
      props.store(w, "written by prebuild.groovy for this run");
    }
  }

  private static String key(File basedir) {
    return basedir.getAbsoluteFile().toPath().normalize().toString();
  }
}
