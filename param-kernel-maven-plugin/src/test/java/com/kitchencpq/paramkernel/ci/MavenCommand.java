package com.kitchencpq.paramkernel.ci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code mvn} command line split into what matters for comparing two of them: goals and phases,
 * profiles, {@code -D} properties and the remaining options. Quoting follows the shell's simple
 * rules (single and double quotes, backslash escapes outside single quotes); {@code $VAR}
 * references are kept as written.
 */
record MavenCommand(
    List<String> goals, Set<String> profiles, Map<String, String> properties, Set<String> options) {

  /** Parses a command that starts with {@code mvn}. */
  static MavenCommand parse(String commandLine) {
    List<String> words = words(commandLine);
    if (words.isEmpty() || !words.get(0).equals("mvn")) {
      throw new IllegalArgumentException("not a mvn command: " + commandLine);
    }
    return parseArguments(words.subList(1, words.size()));
  }

  /** Parses Maven arguments (goals and options), e.g. the tokens of {@code invoker.goals}. */
  static MavenCommand parseArguments(List<String> args) {
    List<String> goals = new ArrayList<>();
    Set<String> profiles = new LinkedHashSet<>();
    Map<String, String> properties = new LinkedHashMap<>();
    Set<String> options = new LinkedHashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-D")) {
        String kv = a.length() == 2 ? args.get(++i) : a.substring(2);
        int eq = kv.indexOf('=');
        properties.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "true" : kv.substring(eq + 1));
      } else if (a.startsWith("-P")) {
        String list = a.length() == 2 ? args.get(++i) : a.substring(2);
        for (String p : list.split(",")) {
          if (!p.isBlank()) {
            profiles.add(p.strip());
          }
        }
      } else if (a.startsWith("-")) {
        options.add(a);
      } else {
        goals.add(a);
      }
    }
    return new MavenCommand(
        List.copyOf(goals), Set.copyOf(profiles), Map.copyOf(properties), Set.copyOf(options));
  }

  /** Shell-like word splitting: whitespace separates, quotes group, backslash escapes. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\'
            && i + 1 < line.length()
            && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        if (next != '\n') {
          word.append(next);
          inWord = true;
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed " + quote + " in: " + line);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
