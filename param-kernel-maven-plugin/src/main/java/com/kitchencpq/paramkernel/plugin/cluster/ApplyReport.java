package com.kitchencpq.paramkernel.plugin.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hand-offs of apply: step outputs and the job summary section. */
final class ApplyReport {
  private ApplyReport() {}

  static String counts(Map<String, Long> counts) {
    StringBuilder s = new StringBuilder();
    counts.forEach(
        (word, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(word));
    return s.toString();
  }

  static Map<String, String> outputs(Map<String, Long> counts, boolean dryRun) {
    Map<String, String> out = new LinkedHashMap<>();
    counts.forEach((word, n) -> out.put("apply-" + word, Long.toString(n)));
    out.put("apply-dry-run", Boolean.toString(dryRun));
    return out;
  }

  static String summary(String bundle, String server, List<BundleApplier.Applied> applied) {
    StringBuilder md = new StringBuilder("### param-kernel apply\n\n");
    boolean dryRun = !applied.isEmpty() && applied.get(0).dryRun();
    md.append('`')
        .append(bundle)
        .append("` to `")
        .append(server)
        .append('`')
        .append(dryRun ? " (server dry run: nothing was stored)" : "")
        .append("\n\n");
    md.append("| object | namespace | outcome |\n|---|---|---|\n");
    for (BundleApplier.Applied a : applied) {
      md.append("| `")
          .append(a.kind().kubectlName())
          .append('/')
          .append(a.name())
          .append("` | ")
          .append(a.namespace() == null ? "" : a.namespace())
          .append(" | ")
          .append(a.outcome().word())
          .append(" |\n");
    }
    return md.append('\n').toString();
  }
}
