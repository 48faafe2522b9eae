package com.kitchencpq.paramkernel.service.kernel;

import com.kitchencpq.paramkernel.service.json.JsonWriter;
import java.util.Objects;

/**
 * A request the kernel refuses: its {@link ErrorKind}, the contract's error code, a message for
 * humans and a JSON pointer into the request ("" for body-level errors). It carries no protocol
 * status: the HTTP layer maps the kind to one.
 */
public final class ApplyDeltaException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String code;
  private final String pointer;

  public ApplyDeltaException(ErrorKind kind, String code, String message, String pointer) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = code;
    this.pointer = pointer == null ? "" : pointer;
  }

  public ErrorKind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public String pointer() {
    return pointer;
  }

  /** The contract's error body: {@code {"error":{"code":..,"message":..,"path":..}}}. */
  public byte[] toJson() {
    return errorBody(code, getMessage(), pointer);
  }

  /** The contract's error body for any code, also used by the HTTP layer for its own errors. */
  public static byte[] errorBody(String code, String message, String pointer) {
    return new JsonWriter(JsonWriter.Style.UTF8, 64 + message.length())
        .raw("{\"error\":{\"code\":")
        .string(code)
        .raw(",\"message\":")
        .string(message)
        .raw(",\"path\":")
        .string(pointer == null ? "" : pointer)
        .raw("}}")
        .toBytes();
  }
}
