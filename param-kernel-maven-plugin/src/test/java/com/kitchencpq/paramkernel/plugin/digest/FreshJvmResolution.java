package com.kitchencpq.paramkernel.plugin.digest;

import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.Log;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Not a test: one resolution in a JVM of its own, for tests that look at what a first call loads.
 * Arguments: the image, then {@code insecure} or {@code secure}; the preferred tag is {@code
 * latest}. Prints {@code DIGEST <digest>} or {@code FAILED <message>}.
 */
public final class FreshJvmResolution {
  private FreshJvmResolution() {}

  public static void main(String[] args) throws InterruptedException {
    DigestResolver resolver =
        new DigestResolver(
            new Log() {
              @Override
              public void info(String message) {}

              @Override
              public void warn(String message) {}

              @Override
              public void debug(String message) {}
            });
    try {
      Resolution r =
          resolver.resolve(
              new DigestResolver.Request(
                  args[0],
                  "latest",
                  false,
                  null,
                  null,
                  false,
                  args[1].equals("insecure"),
                  false,
                  Duration.ofSeconds(10),
                  Duration.ZERO,
                  Duration.ofSeconds(5),
                  ids -> Optional.empty(),
                  Map.of(),
                  null,
                  Path.of(System.getProperty("user.home"))));
      System.out.println("DIGEST " + r.digest());
    } catch (GoalException e) {
      System.out.println("FAILED " + e.getMessage());
    }
  }
}
