package com.kitchencpq.paramkernel.plugin.render;

import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.core.ReleaseStrictness;
import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.P95Contingency;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads render's contingency properties ({@code paramkernel.contingency.*}) into a {@link
 * P95Contingency}, or refuses them with a message that names the property to change. Nothing is
 * read from the clock but today's date, so tests pass a fixed clock.
 */
public final class ContingencySettings {
  private final RolloutPlan plan;
  private final Clock clock;

  /**
   * @param plan the plan whose p95 failure bound is widened and whose histogram bounds cap it
   * @param clock today's date (UTC in the goal)
   */
  public ContingencySettings(RolloutPlan plan, Clock clock) {
    this.plan = plan;
    this.clock = clock;
  }

  /**
   * @param strictness the build's strict mode: a contingency is refused in it
   * @return empty when none of the three properties is set
   * @throws RenderException in strict mode, for a missing reason or date, a value or date that does
   *     not parse, a date in the past, a value not above the plan's bound or above the histogram's
   *     largest finite bucket bound
   */
  public Optional<P95Contingency> read(
      String value, String reason, String until, ReleaseStrictness strictness)
      throws RenderException {
    if (strictness.strict() && !(blank(value) && blank(reason) && blank(until))) {
      throw new RenderException(
          PropertyNames.CONTINGENCY_P95_FAILURE
              + ", "
              + PropertyNames.CONTINGENCY_REASON
              + " and "
              + PropertyNames.CONTINGENCY_UNTIL
              + " are refused in strict mode ("
              + strictness.why()
              + "): a release is rendered with the plan's thresholds only. Remove the contingency"
              + " properties, or widen the bound from a non-release branch");
    }
    if (blank(value)) {
      if (!blank(reason) || !blank(until)) {
        String set =
            !blank(reason) ? PropertyNames.CONTINGENCY_REASON : PropertyNames.CONTINGENCY_UNTIL;
        throw new RenderException(
            set
                + " is set but "
                + PropertyNames.CONTINGENCY_P95_FAILURE
                + " is not: set the widened p95 failure bound (seconds, e.g. 0.08) or remove "
                + set);
      }
      return Optional.empty();
    }
    BigDecimal bound = bound(value.strip());
    String reasonProblem = P95Contingency.reasonProblem(reason);
    if (reasonProblem != null) {
      throw new RenderException(
          PropertyNames.CONTINGENCY_REASON
              + " "
              + reasonProblem
              + ": a contingency needs one line saying why (an incident or ticket), e.g. -D"
              + PropertyNames.CONTINGENCY_REASON
              + "=\"INC-123 noisy first canary\"");
    }
    LocalDate date = date(until);
    return Optional.of(new P95Contingency(bound, reason.strip(), date));
  }

  private BigDecimal bound(String raw) throws RenderException {
    BigDecimal v;
    try {
      v = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      throw new RenderException(
          PropertyNames.CONTINGENCY_P95_FAILURE
              + "='"
              + raw
              + "' is not a number of seconds; write it like 0.08");
    }
    double planBound = plan.latency().failureAbove();
    if (v.compareTo(BigDecimal.valueOf(planBound)) <= 0) {
      throw new RenderException(
          PropertyNames.CONTINGENCY_P95_FAILURE
              + "="
              + raw
              + " does not widen the plan's p95 failure bound of "
              + Exprs.format(planBound)
              + " s; a contingency must be above it (e.g. 0.08), and without one render writes the"
              + " plan's bound");
    }
    double largest = plan.largestBucket();
    if (v.compareTo(BigDecimal.valueOf(largest)) >= 0) {
      throw new RenderException(
          PropertyNames.CONTINGENCY_P95_FAILURE
              + "="
              + raw
              + " is not below "
              + Exprs.format(largest)
              + " s, the largest finite bucket bound of "
              + plan.latency().series()
              + ": histogram_quantile never returns more, so `result[0] > "
              + raw
              + "` could never be true and the metric could never fail; choose a bound below "
              + Exprs.format(largest));
    }
    return v;
  }

  private LocalDate date(String raw) throws RenderException {
    if (blank(raw)) {
      throw new RenderException(
          PropertyNames.CONTINGENCY_UNTIL
              + " is not set: a contingency"
              + " needs the last day it may stay, as an ISO date, e.g. -D"
              + PropertyNames.CONTINGENCY_UNTIL
              + "="
              + LocalDate.now(clock).plusDays(7));
    }
    LocalDate date;
    try {
      date = LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw new RenderException(
          PropertyNames.CONTINGENCY_UNTIL
              + "='"
              + raw.strip()
              + "' is not an ISO date; write it as YYYY-MM-DD, e.g. "
              + LocalDate.now(clock).plusDays(7));
    }
    LocalDate today = LocalDate.now(clock);
    if (date.isBefore(today)) {
      throw new RenderException(
          PropertyNames.CONTINGENCY_UNTIL
              + "="
              + date
              + " is in the past (today is "
              + today
              + ", UTC); a contingency ends on that date,"
              + " so choose a later one or render without the contingency");
    }
    return date;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
