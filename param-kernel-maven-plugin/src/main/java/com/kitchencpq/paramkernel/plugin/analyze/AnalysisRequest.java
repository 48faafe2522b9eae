package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.plugin.validate.Validator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to analyze and how. Build one with {@link #of(List)} and the {@code with...} methods; every
 * field has a default except the sources.
 *
 * @param sources the YAML texts holding the templates (and usually the Rollout), each with the path
 *     shown in messages
 * @param templates the names of the AnalysisTemplates / ClusterAnalysisTemplates to run; empty
 *     means the templates of the Rollout's first analysis
 * @param args argument values by name (they win over the Rollout's); names the templates do not
 *     declare are ignored, as Argo ignores them
 * @param prometheusAddress when present, replaces the address of every Prometheus metric
 * @param mode live (measure now, wait as the schedule says) or replay (the same schedule at past
 *     instants, at once)
 * @param release the Argo Rollouts release whose semantics to follow
 * @param clock the clock of a live run (replays use a virtual clock starting at their instant and
 *     ask this one only whether an instant is still in the future)
 * @param listener progress
 */
public record AnalysisRequest(
    List<SourceText> sources,
    List<String> templates,
    Map<String, String> args,
    Optional<String> prometheusAddress,
    Mode mode,
    ArgoVersion release,
    AnalysisClock clock,
    AnalysisListener listener) {

  public AnalysisRequest {
    sources = List.copyOf(sources);
    templates = List.copyOf(templates);
    args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    Objects.requireNonNull(prometheusAddress, "prometheusAddress");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
  }

  /**
   * Live or replay.
   *
   * @param replayStart the instant a replayed run starts at, or null for a live run
   */
  public record Mode(Instant replayStart) {
    public static Mode live() {
      return new Mode(null);
    }

    public static Mode replay(Instant start) {
      return new Mode(Objects.requireNonNull(start, "start"));
    }

    public boolean isReplay() {
      return replayStart != null;
    }

    /**
     * Parses {@code paramkernel.analyze.start}: an ISO-8601 instant with a zone ({@code
     * 2026-12-01T10:00:00Z}, {@code 2026-12-01T11:00:00+01:00}) or Unix epoch seconds ({@code
     * 1796119200}, fractions allowed).
     */
    public static Instant parseStart(String text, String property) throws GoalException {
      String t = text == null ? "" : text.trim();
      if (t.matches("[0-9]+(\\.[0-9]+)?")) {
        BigDecimal seconds = new BigDecimal(t);
        return Instant.ofEpochSecond(
            seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
      }
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException e) {
        throw GoalException.user(
            property
                + "="
                + text
                + " is not an instant; write an ISO-8601 instant with its"
                + " zone (2026-12-01T10:00:00Z) or Unix epoch seconds (1796119200)");
      }
    }

    @Override
    public String toString() {
      return isReplay() ? "replay from " + replayStart : "live";
    }
  }

  /** A live run of the Rollout's first analysis with Argo 1.9 semantics. */
  public static AnalysisRequest of(List<SourceText> sources) {
    return new AnalysisRequest(
        sources,
        List.of(),
        Map.of(),
        Optional.empty(),
        Mode.live(),
        ArgoVersion.DEFAULT,
        AnalysisClock.system(),
        AnalysisListener.NONE);
  }

  /**
   * The YAML files among {@code filesOrDirs} (directories searched for {@code *.yaml} and {@code
   * *.yml}), read as UTF-8, shown relative to {@code base}.
   */
  public static List<SourceText> read(List<Path> filesOrDirs, Path base) throws IOException {
    List<SourceText> out = new ArrayList<>();
    for (Path f : Validator.expand(filesOrDirs)) {
      out.add(
          new SourceText(Validator.display(f, base), Files.readString(f, StandardCharsets.UTF_8)));
    }
    return out;
  }

  public AnalysisRequest withTemplates(List<String> names) {
    return new AnalysisRequest(
        sources, names, args, prometheusAddress, mode, release, clock, listener);
  }

  public AnalysisRequest withArgs(Map<String, String> values) {
    return new AnalysisRequest(
        sources, templates, values, prometheusAddress, mode, release, clock, listener);
  }

  public AnalysisRequest withPrometheusAddress(String address) {
    return new AnalysisRequest(
        sources, templates, args, Optional.ofNullable(address), mode, release, clock, listener);
  }

  public AnalysisRequest withMode(Mode m) {
    return new AnalysisRequest(
        sources, templates, args, prometheusAddress, m, release, clock, listener);
  }

  public AnalysisRequest withRelease(ArgoVersion r) {
    return new AnalysisRequest(
        sources, templates, args, prometheusAddress, mode, r, clock, listener);
  }

  public AnalysisRequest withClock(AnalysisClock c) {
    return new AnalysisRequest(
        sources, templates, args, prometheusAddress, mode, release, c, listener);
  }

  public AnalysisRequest withListener(AnalysisListener l) {
    return new AnalysisRequest(
        sources, templates, args, prometheusAddress, mode, release, clock, l);
  }

  /**
   * Parses {@code paramkernel.analyze.args}: {@code name=value} pairs separated by commas. A comma
   * or backslash inside a value is written {@code \,} or {@code \\}; a value may contain {@code =}.
   * Blank entries are skipped.
   */
  public static Map<String, String> parseArgs(String text, String property) throws GoalException {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    List<String> entries = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\'
          && i + 1 < text.length()
          && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == '\\')) {
        cur.append(text.charAt(++i));
      } else if (c == ',') {
        entries.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    entries.add(cur.toString());
    for (String entry : entries) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String name = eq < 0 ? entry.trim() : entry.substring(0, eq).trim();
      if (eq < 0 || name.isEmpty()) {
        throw GoalException.user(
            property
                + ": '"
                + entry.trim()
                + "' is not name=value; write the arguments as"
                + " name=value,name=value");
      }
      if (out.containsKey(name)) {
        throw GoalException.user(
            property + " gives the argument '" + name + "' twice; give it once");
      }
      out.put(name, entry.substring(eq + 1));
    }
    return out;
  }
}
