package com.kitchencpq.paramkernel.plugin.validate.schema;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The type of a field, as far as strict decoding cares. */
public sealed interface FieldType {

  /** A scalar kind. */
  enum ScalarKind {
    STRING,
    INT,
    NUMBER,
    BOOL,
    INT_OR_STRING,
    QUANTITY
  }

  record Scalar(ScalarKind kind) implements FieldType {}

  /** Anything goes (free-form config, status). */
  record Any() implements FieldType {}

  record ListOf(FieldType item) implements FieldType {}

  /** A mapping with free string keys. */
  record MapOf(FieldType value) implements FieldType {}

  /**
   * An object with known fields; {@code fields} is computed lazily so types can refer to each
   * other.
   */
  record ObjectType(String name, Supplier<Map<String, FieldType>> fields, Set<String> required)
      implements FieldType {
    public Map<String, FieldType> fieldMap() {
      return fields.get();
    }
  }
}
