package com.kitchencpq.paramkernel.service.kernel;

import java.nio.charset.StandardCharsets;
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
    StringBuilder sb = new StringBuilder(64 + message.length());
    sb.append("{\"error\":{\"code\":");
    quote(sb, code);
    sb.append(",\"message\":");
    quote(sb, message);
    sb.append(",\"path\":");
    quote(sb, pointer == null ? "" : pointer);
    sb.append("}}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
