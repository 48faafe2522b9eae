package com.kitchencpq.paramkernel.service.http;

import java.util.Locale;

/** Decides whether a Content-Type header announces JSON the kernel can read (UTF-8). */
public final class JsonContentType {
  private JsonContentType() {}

  /**
   * True for {@code application/json} (any letter case, optional parameters) whose charset
   * parameter is absent or UTF-8. Any other type, a missing header or another charset is false.
   */
  public static boolean accepts(String header) {
    if (header == null) {
      return false;
    }
    String[] parts = header.split(";", -1);
    if (!parts[0].strip().equalsIgnoreCase("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip();
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      if (eq <= 0) {
        return false;
      }
      String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = param.substring(eq + 1).strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      if (name.equals("charset")
          && !(value.equalsIgnoreCase("utf-8") || value.equalsIgnoreCase("utf8"))) {
        return false;
      }
    }
    return true;
  }
}
