package com.kitchencpq.paramkernel.plugin.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Masks known secrets in text that may leave the process (messages, logs). */
public final class Secrets {
  static final String MASK = "****";

  private Secrets() {}

  /**
   * Replaces every occurrence of each secret (longest first, ignoring blanks and values shorter
   * than 3 characters, which would mask ordinary words).
   */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null || secrets == null || secrets.isEmpty()) {
      return text;
    }
    List<String> sorted = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.strip().length() >= 3) {
        sorted.add(s);
      }
    }
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    String out = text;
    for (String s : sorted) {
      out = out.replace(s, MASK);
    }
    return out;
  }
}
