package com.kitchencpq.paramkernel.it;

import com.kitchencpq.paramkernel.testkit.LocalRegistry;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A real registry for one invoker case: its {@code prebuild.groovy} starts it, its
 * {@code verify.groovy} stops it. The invoker runs every hook script of a run with one class
 * loader, so the registry is kept here between the two, keyed by the case directory. A case
 * whose build ends unexpectedly (so the invoker skips its verify script) still loses its
 * registry when the Maven JVM exits ({@link LocalRegistry} has a shutdown hook).
 *
 * <p>The forked build learns where the registry is from the user properties file of the case
 * ({@code invoker.userPropertiesFile}, which the invoker reads after the prebuild hook): the
 * hook appends e.g. {@code pk.it.image}, and the file's {@code paramkernel.image=${pk.it.image}}
 * picks it up (Maven resolves such references when it hands the value to a goal).
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

  /**
   * Appends properties to a file of the case directory (the clone the invoker runs, never the
   * source), e.g. the registry address to the user properties file the build reads.
   */
  public static void appendProperties(File basedir, String fileName, Map<String, String> values)
      throws IOException {
    Properties props = new Properties();
    props.putAll(new TreeMap<>(values));
    StringWriter text = new StringWriter();
    props.store(text, null);
    String lines = text.toString().lines().filter(l -> !l.startsWith("#"))
        .collect(Collectors.joining("\n", "# added by prebuild.groovy\n", "\n"));
    Files.writeString(basedir.toPath().resolve(fileName), lines, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String key(File basedir) {
    return basedir.getAbsoluteFile().toPath().normalize().toString();
  }
}
