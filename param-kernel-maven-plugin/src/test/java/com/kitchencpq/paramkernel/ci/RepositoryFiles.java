package com.kitchencpq.paramkernel.ci;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository around the plugin module, found from the test's working directory. */
final class RepositoryFiles {
  static final String WORKFLOW = ".github/workflows/ci.yml";

  private RepositoryFiles() {}

  /**
   * The repository root: the first directory, from the working directory upwards, that holds {@code
   * .github/workflows/ci.yml}. Under Maven the working directory is the plugin module, so this is
   * normally {@code ..}.
   */
  static Path root() {
    Path start = Path.of("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(WORKFLOW)) && Files.isDirectory(dir.resolve("src/it"))) {
        return dir;
      }
    }
    throw new AssertionError(
        "no "
            + WORKFLOW
            + " (with src/it beside it) in "
            + start
            + " or any directory above it: run the tests from a checkout of the repository");
  }

  static Path workflow() {
    return root().resolve(WORKFLOW);
  }
}
