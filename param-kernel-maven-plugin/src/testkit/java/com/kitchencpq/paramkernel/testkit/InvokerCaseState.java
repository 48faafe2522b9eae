package com.kitchencpq.paramkernel.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;

/**
 * What an invoker case's {@code prebuild.groovy} started (process id, directory, address), kept as
 * a properties file in the case directory for {@code verify.groovy}: the hook scripts may run in
 * different class loaders, so nothing static survives between them.
 */
public final class InvokerCaseState {
  private InvokerCaseState() {}

  /** Writes {@code state} to {@code basedir/file}. */
  public static void write(File basedir, String file, Properties state, String comment)
      throws IOException {
    try (var out = Files.newBufferedWriter(basedir.toPath().resolve(file))) {
      state.store(out, comment);
    }
  }

  /** Whether {@code basedir/file} was written (the hook that writes it may not have run). */
  public static boolean exists(File basedir, String file) {
    return Files.exists(basedir.toPath().resolve(file));
  }

  /** Reads {@code basedir/file}; a missing file says that prebuild.groovy did not run. */
  public static Properties read(File basedir, String file) {
    Properties state = new Properties();
    try (var in = Files.newBufferedReader(basedir.toPath().resolve(file))) {
      state.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no " + file + " in " + basedir + " (did prebuild.groovy run?)", e);
    }
    return state;
  }
}
