package com.kitchencpq.paramkernel.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the Debian-packaged programs the integration tests start. A missing program is a set-up
 * problem, so the failure says exactly what to install instead of skipping the test.
 */
public final class TestBinaries {
  private TestBinaries() {}

  /** Directory holding the binaries; {@code -Dparamkernel.test.bin} overrides {@code /usr/bin}. */
  public static Path binDirectory() {
    return Path.of(System.getProperty("paramkernel.test.bin", "/usr/bin"));
  }

  /**
   * The executable {@code name}, or an {@link IllegalStateException} naming the Debian package that
   * provides it.
   */
  public static Path require(String name, String debianPackage) {
    Path p = binDirectory().resolve(name);
    if (!Files.isExecutable(p)) {
      throw new IllegalStateException(
          name
              + " not found at "
              + p
              + ": install it with: apt-get install "
              + debianPackage
              + " (the root build's .ci/install-test-tools does it for you), or point"
              + " -Dparamkernel.test.bin at the directory that has "
              + name);
    }
    return p;
  }
}
