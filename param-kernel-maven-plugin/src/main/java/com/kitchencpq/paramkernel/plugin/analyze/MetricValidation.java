package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks the controller makes before the first measurement; a failing one puts the whole run in
 * Error with {@code Analysis spec invalid: <reason>} ({@code reconcileAnalysisRun} in {@code
 * analysis/analysis.go}).
 */
final class MetricValidation {
  private MetricValidation() {}

  /**
   * {@code ValidateMetrics} of {@code utils/analysis/factory.go}: at least one metric, unique
   * names, and {@link #validateMetric} for each; the first problem wins, prefixed with {@code
   * metrics[i]: }.
   */
  static Optional<String> validateMetrics(List<MetricSpec> metrics, ArgoVersion release) {
    if (metrics.isEmpty()) {
      return Optional.of("no metrics specified");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < metrics.size(); i++) {
      MetricSpec m = metrics.get(i);
      if (!names.add(m.name())) {
        return Optional.of("metrics[" + i + "]: duplicate name '" + m.name() + "'");
      }
      Optional<String> problem = validateMetric(m, release);
      if (problem.isPresent()) {
        return Optional.of("metrics[" + i + "]: " + problem.get());
      }
    }
    return Optional.empty();
  }

  /**
   * {@code ValidateMetric}: the limits' signs and their relation to {@code count}, an interval when
   * {@code count > 1}, parseable durations, exactly one provider. v1.7.2 has no {@code
   * consecutiveSuccessLimit} and rejects every negative {@code failureLimit}.
   */
  static Optional<String> validateMetric(MetricSpec m, ArgoVersion release) {
    long count = m.count() == null ? 0 : m.count().intValue();
    long failureLimit = m.failureLimit() == null ? 0 : m.failureLimit().intValue();
    long inconclusiveLimit = m.inconclusiveLimit() == null ? 0 : m.inconclusiveLimit().intValue();
    if (release.hasConsecutiveSuccessLimit()) {
      long successLimit =
          m.consecutiveSuccessLimit() == null ? 0 : m.consecutiveSuccessLimit().intValue();
      if (successLimit < 0) {
        return Optional.of("consecutiveSuccessLimit must be >= 0");
      }
      if (failureLimit < -1) {
        return Optional.of("failureLimit must be >= 0, or -1 to be disabled");
      }
      if (successLimit == 0 && failureLimit == -1) {
        return Optional.of("failureLimit and consecutiveSuccessLimit cannot both be disabled");
      }
      if (inconclusiveLimit < 0) {
        return Optional.of("inconclusiveLimit must be >= 0");
      }
      if (m.consecutiveErrorLimit() != null && m.consecutiveErrorLimit().intValue() < 0) {
        return Optional.of("consecutiveErrorLimit must be >= 0");
      }
      if (count > 0) {
        if (failureLimit >= 0) {
          if (count < failureLimit + successLimit) {
            return Optional.of(
                "count ("
                    + count
                    + ") must be >= failureLimit + consecutiveSuccessLimit ("
                    + failureLimit
                    + " + "
                    + successLimit
                    + ") if both >= 0");
          }
        } else if (count < successLimit) {
          return Optional.of("count must be >= consecutiveSuccessLimit");
        }
        if (count < inconclusiveLimit) {
          return Optional.of("count must be >= inconclusiveLimit");
        }
      }
    } else if (count > 0) {
      if (count < failureLimit) {
        return Optional.of("count must be >= failureLimit");
      }
      if (count < inconclusiveLimit) {
        return Optional.of("count must be >= inconclusiveLimit");
      }
    }
    if (count > 1 && m.interval().isEmpty()) {
      return Optional.of("interval must be specified when count > 1");
    }
    if (!m.interval().isEmpty()) {
      Syntax.DurationResult d = Syntax.parseGoDuration(m.interval());
      if (!d.valid()) {
        return Optional.of("invalid interval string: " + d.error());
      }
    }
    if (!m.initialDelay().isEmpty()) {
      Syntax.DurationResult d = Syntax.parseGoDuration(m.initialDelay());
      if (!d.valid()) {
        return Optional.of("invalid startDelay string: " + d.error());
      }
    }
    if (!release.hasConsecutiveSuccessLimit()) {
      if (failureLimit < 0) {
        return Optional.of("failureLimit must be >= 0");
      }
      if (inconclusiveLimit < 0) {
        return Optional.of("inconclusiveLimit must be >= 0");
      }
      if (m.consecutiveErrorLimit() != null && m.consecutiveErrorLimit().intValue() < 0) {
        return Optional.of("consecutiveErrorLimit must be >= 0");
      }
    }
    if (m.providers().isEmpty()) {
      return Optional.of("no provider specified");
    }
    if (m.providers().size() > 1) {
      return Optional.of("multiple providers specified");
    }
    return Optional.empty();
  }

  /**
   * {@code GetDryRunMetrics} of {@code utils/analysis/helpers.go}: the metrics whose name a {@code
   * dryRun[].metricName} regular expression matches (anywhere in the name, as Go's {@code
   * regexp.MatchString}; an expression that does not compile matches nothing). A rule that matches
   * no metric is an error.
   *
   * @throws IllegalArgumentException with upstream's message for a rule that matches nothing
   */
  static Set<String> dryRunMetrics(List<String> rules, List<MetricSpec> metrics) {
    return matching(rules, metrics, "dryRun");
  }

  /**
   * {@code GetMeasurementRetentionMetrics}: the same matching for {@code measurementRetention[]}.
   */
  static Set<String> retentionMetrics(List<String> rules, List<MetricSpec> metrics) {
    return matching(rules, metrics, "measurementRetention");
  }

  private static Set<String> matching(List<String> rules, List<MetricSpec> metrics, String field) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      Pattern p;
      try {
        p = Pattern.compile(rules.get(i));
      } catch (PatternSyntaxException e) {
        p = null;
      }
      int matches = 0;
      for (MetricSpec m : metrics) {
        if (p != null && p.matcher(m.name()).find()) {
          out.add(m.name());
          matches++;
        }
      }
      if (matches < 1) {
        throw new IllegalArgumentException(
            field + "[" + i + "]: Rule didn't match any metric name(s)");
      }
    }
    return out;
  }
}
