package com.kitchencpq.paramkernel.service.warmup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code --name=value} arguments, each name known and given at most once. */
final class CommandLine {
  private CommandLine() {}

  static Map<String, String> parse(String[] args, List<String> known)
      throws WarmupOptions.UsageException {
    Map<String, String> values = new LinkedHashMap<>();
    String options = known.stream().map(k -> "--" + k).collect(Collectors.joining(", "));
    for (int index = 0; index < args.length; index++) {
      String arg = args[index];
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        // The argument itself is not echoed: it could be a pre-signed URL given without its name.
        throw new WarmupOptions.UsageException(
            null,
            "arguments look like --name=value; argument "
                + (index + 1)
                + " does not. Options: "
                + options);
      }
      String name = arg.substring(2, eq);
      if (!known.contains(name)) {
        throw new WarmupOptions.UsageException(
            null, "unknown option --" + name + "; known: " + options);
      }
      if (values.put(name, arg.substring(eq + 1)) != null) {
        throw new WarmupOptions.UsageException(name, "is given twice");
      }
    }
    return values;
  }
}
