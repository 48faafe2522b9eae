package com.kitchencpq.paramkernel.plugin.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge: the scheme ({@code Bearer} or {@code Basic}) and its
 * parameters, e.g. {@code Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="..."}.
 * Parameter values may be quoted (with backslash escapes) or bare tokens.
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {
  public AuthChallenge {
    parameters = Map.copyOf(parameters);
  }

  public boolean isBearer() {
    return "bearer".equalsIgnoreCase(scheme);
  }

  public boolean isBasic() {
    return "basic".equalsIgnoreCase(scheme);
  }

  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Parses the header value; empty when it is blank or has no scheme. */
  public static Optional<AuthChallenge> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String s = header.trim();
    int i = 0;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    String scheme = s.substring(0, i);
    if (scheme.isEmpty() || scheme.contains("=")) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    int n = s.length();
    while (i < n) {
      while (i < n && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
        i++;
      }
      int nameStart = i;
      while (i < n
          && s.charAt(i) != '='
          && s.charAt(i) != ','
          && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= n || s.charAt(i) != '=') {
        continue; // a token68 or a stray word: not a parameter we use
      }
      i++;
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && s.charAt(i) == '"') {
        i++;
        while (i < n && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(s.charAt(i++));
        }
        i++; // closing quote
      } else {
        while (i < n && s.charAt(i) != ',') {
          value.append(s.charAt(i++));
        }
      }
      if (!name.isEmpty()) {
        params.put(name, value.toString().trim());
      }
    }
    return Optional.of(new AuthChallenge(scheme, params));
  }
}
