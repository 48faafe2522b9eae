package com.kitchencpq.paramkernel.plugin.render;

/**
 * A problem the user fixes in the template or in the render settings: an unknown placeholder, a
 * malformed digest, a template that is not YAML. The message is complete and names the file and
 * line, or the property to change; it is shown as is, without a stack trace.
 */
public class RenderException extends Exception {
  private static final long serialVersionUID = 1L;

  public RenderException(String message) {
    super(message);
  }
}
