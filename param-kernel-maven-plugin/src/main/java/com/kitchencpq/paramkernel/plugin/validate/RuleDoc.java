package com.kitchencpq.paramkernel.plugin.validate;

import java.util.Objects;

/**
 * A rule's entry in the rule catalogue ({@code docs/rule-catalogue.md}, generated from these
 * entries by {@code RuleCatalogue}): how severe its findings are, which upstream check it stands
 * for, what it checks, why that matters and how to fix a finding. Texts are markdown.
 *
 * @param severity the rule's severity class
 * @param severityNote where the rule departs from its class; empty when it does not
 * @param upstream the Argo Rollouts checks it stands for, by the catalogue's codes (A1..K10), or
 *     {@code ours} for a check upstream does not make
 * @param checks what a finding means
 * @param why why it matters; empty for a check upstream makes itself (upstream rejects it)
 * @param fix how to fix a finding
 */
public record RuleDoc(
    SeverityClass severity,
    String severityNote,
    String upstream,
    String checks,
    String why,
    String fix) {

  /** How severe a rule's findings are, and when the rule runs. */
  public enum SeverityClass {
    ERROR(
        "error",
        "upstream rejects it (at lint, controller, AnalysisRun or provider time), or it"
            + " cannot work as written: an error with plan checks on or off"),
    HAZARD(
        "hazard",
        "upstream accepts it and real manifests do it on purpose, but the param-kernel plan must"
            + " not contain it: a warning with plan checks off, an error with them on"),
    WARNING(
        "warning",
        "likely a mistake that upstream accepts: a warning with plan checks on or" + " off"),
    PLAN(
        "plan",
        "compares the manifests with the param-kernel rollout plan: runs only with plan"
            + " checks on; an error unless noted");

    private final String label;
    private final String meaning;

    SeverityClass(String label, String meaning) {
      this.label = label;
      this.meaning = meaning;
    }

    /** The word used in the catalogue. */
    public String label() {
      return label;
    }

    /** What the class means, for the catalogue's legend. */
    public String meaning() {
      return meaning;
    }
  }

  public RuleDoc {
    Objects.requireNonNull(severity, "severity");
    severityNote = Objects.requireNonNullElse(severityNote, "");
    upstream = Objects.requireNonNullElse(upstream, "");
    checks = Objects.requireNonNullElse(checks, "");
    why = Objects.requireNonNullElse(why, "");
    fix = Objects.requireNonNullElse(fix, "");
  }

  /** A check upstream makes too (or that cannot work as written): an error in both modes. */
  public static RuleDoc error(String upstream, String checks) {
    return new RuleDoc(SeverityClass.ERROR, "", upstream, checks, "", "");
  }

  /** Allowed upstream, not in the plan: a warning, an error with plan checks on. */
  public static RuleDoc hazard(String upstream, String checks) {
    return new RuleDoc(SeverityClass.HAZARD, "", upstream, checks, "", "");
  }

  /** Likely a mistake, allowed upstream: a warning in both modes. */
  public static RuleDoc warning(String upstream, String checks) {
    return new RuleDoc(SeverityClass.WARNING, "", upstream, checks, "", "");
  }

  /** A comparison with the param-kernel rollout plan, only with plan checks on. */
  public static RuleDoc plan(String checks) {
    return new RuleDoc(SeverityClass.PLAN, "", "ours", checks, "", "");
  }

  /** With a note on where the rule departs from its severity class. */
  public RuleDoc note(String note) {
    return new RuleDoc(severity, note, upstream, checks, why, fix);
  }

  /** With why it matters. */
  public RuleDoc why(String text) {
    return new RuleDoc(severity, severityNote, upstream, checks, text, fix);
  }

  /** With how to fix a finding. */
  public RuleDoc fix(String text) {
    return new RuleDoc(severity, severityNote, upstream, checks, why, text);
  }
}
