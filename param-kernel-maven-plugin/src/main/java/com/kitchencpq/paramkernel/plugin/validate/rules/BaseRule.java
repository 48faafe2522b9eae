package com.kitchencpq.paramkernel.plugin.validate.rules;

import com.kitchencpq.paramkernel.plugin.validate.Rule;

/** Holds a rule's id and description so each rule class only contains its check. */
public abstract class BaseRule implements Rule {
  private final String id;
  private final String description;

  protected BaseRule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String description() {
    return description;
  }
}
