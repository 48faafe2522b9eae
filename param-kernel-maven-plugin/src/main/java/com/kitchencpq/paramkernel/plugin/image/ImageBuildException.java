package com.kitchencpq.paramkernel.plugin.image;

/**
 * The image was not built or not pushed. {@link #userFixable()} separates settings the user must
 * change from environment problems (registry, disk), as the Mojo maps them.
 */
public final class ImageBuildException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean userFixable;

  private ImageBuildException(String message, Throwable cause, boolean userFixable) {
    super(message, cause);
    this.userFixable = userFixable;
  }

  public static ImageBuildException user(String message) {
    return new ImageBuildException(message, null, true);
  }

  public static ImageBuildException environment(String message, Throwable cause) {
    return new ImageBuildException(message, cause, false);
  }

  public boolean userFixable() {
    return userFixable;
  }
}
