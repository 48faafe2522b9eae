package com.kitchencpq.paramkernel.plugin.render;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import java.util.List;
import java.util.stream.Collectors;

/** The rendered bundle failed the validator; carries the error findings (lines of the template). */
public final class InvalidBundleException extends RenderException {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> errors;

  InvalidBundleException(List<Finding> errors) {
    super(
        "The rendered bundle has "
            + errors.size()
            + " error(s); nothing was written. "
            + "Fix the template:\n"
            + errors.stream().map(Finding::toLine).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  /** The error findings, for workflow annotations. */
  public List<Finding> errors() {
    return errors;
  }
}
