package com.kitchencpq.paramkernel.service.http;

import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags the service runs with in its container. They are defined once, as the property
 * {@code paramkernel.image.jvmFlags} of the parent POM (the image goal bakes them into the image's
 * entrypoint); surefire and failsafe hand them to the tests as the system property {@code
 * paramkernel.service.jvmFlags}, so the tests start the jar exactly as the pods do.
 */
public final class JvmFlags {
  /** System property the build sets from the POM. */
  public static final String PROPERTY = "paramkernel.service.jvmFlags";

  private JvmFlags() {}

  /** The flags as one string, as written in the POM. */
  public static String asString() {
    String flags = System.getProperty(PROPERTY);
    if (flags == null || flags.isBlank()) {
      throw new IllegalStateException(
          "run with Maven (mvn verify): the system property "
              + PROPERTY
              + " carries the JVM flags defined in the parent pom.xml"
              + " (paramkernel.image.jvmFlags)");
    }
    return flags.trim();
  }

  /** The flags, one list element each. */
  public static List<String> container() {
    return Arrays.asList(asString().split("\\s+"));
  }
}
