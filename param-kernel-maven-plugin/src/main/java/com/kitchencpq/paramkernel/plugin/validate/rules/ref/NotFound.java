package com.kitchencpq.paramkernel.plugin.validate.rules.ref;

import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;

/** The wording of "referenced object not found", which depends on where it was looked for. */
final class NotFound {
  private NotFound() {}

  /** {@code "<Kind> '<name>' is not defined in ..."} for a reference from {@code from}. */
  static String text(ValidationContext ctx, Manifest from, String kind, String name) {
    if (ctx.ambiguous(from)) {
      return kind
          + " '"
          + name
          + "' is not defined in "
          + from.file()
          + " ("
          + from.label()
          + " is defined differently in another file, so only its own file is searched)";
    }
    return kind + " '" + name + "' is not defined in the validated files";
  }
}
