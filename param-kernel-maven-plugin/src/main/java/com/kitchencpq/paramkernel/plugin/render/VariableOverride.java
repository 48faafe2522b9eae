package com.kitchencpq.paramkernel.plugin.render;

import java.util.Objects;

/**
 * A value that replaces the default of a declared template variable.
 *
 * @param variable the variable name in the template ({@code PARAM_KERNEL_PROMETHEUS_ADDRESS})
 * @param value the value to write; a single line
 * @param setting what the user set, for messages (a property name such as {@code
 *     paramkernel.prometheusAddress})
 */
public record VariableOverride(String variable, String value, String setting) {
  public VariableOverride {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(setting, "setting");
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(setting + ": a variable value must be a single line");
    }
  }
}
