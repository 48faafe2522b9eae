package com.kitchencpq.paramkernel.plugin.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A rule id leads to its file: rule {@code <prefix>.<tail>} is the class {@code
 * validate.rules.<prefix>.<Tail>Rule}, with the tail in CamelCase ({@code
 * hazard.histogram-threshold-between-buckets} is {@code
 * rules/hazard/HistogramThresholdBetweenBucketsRule.java}), one id per class.
 */
class RuleLayoutTest {
  private static final String RULES = "com.kitchencpq.paramkernel.plugin.validate.rules";

  @Test
  void everyRuleLivesInThePackageOfItsPrefixUnderTheNameOfItsTail() {
    List<String> wrong = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      String expected = expectedClass(rule.id());
      String actual = rule.getClass().getName();
      if (!actual.equals(expected)) {
        wrong.add(
            "rule "
                + rule.id()
                + " is "
                + actual
                + "; it must be "
                + expected
                + ", in src/main/java/"
                + expected.replace('.', '/')
                + ".java");
      }
    }
    assertThat(wrong).as("rule classes named after their ids").isEmpty();
  }

  @Test
  void idsAreUniqueAndOneClassHasOneId() {
    Set<String> ids = new HashSet<>();
    Set<Class<?>> classes = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      if (!ids.add(rule.id())) {
        wrong.add("rule id " + rule.id() + " is registered twice");
      }
      if (!classes.add(rule.getClass())) {
        wrong.add(
            rule.getClass().getName()
                + " is registered twice ("
                + rule.id()
                + "); give each id a class of its own");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void expectedClassNamesFollowTheIds() {
    assertThat(expectedClass("hazard.histogram-threshold-between-buckets"))
        .isEqualTo(RULES + ".hazard.HistogramThresholdBetweenBucketsRule");
    assertThat(expectedClass("canary.setweight-range"))
        .isEqualTo(RULES + ".canary.SetweightRangeRule");
    assertThat(expectedClass("metric.none")).isEqualTo(RULES + ".metric.NoneRule");
    assertThat(expectedClass("ref.service-missing")).isEqualTo(RULES + ".ref.ServiceMissingRule");
  }

  /** {@code <prefix>.<a-b-c>} to {@code validate.rules.<prefix>.ABCRule}. */
  static String expectedClass(String id) {
    int dot = id.indexOf('.');
    String prefix = dot < 0 ? "" : id.substring(0, dot);
    StringBuilder name = new StringBuilder();
    for (String word : id.substring(dot + 1).split("-")) {
      if (!word.isEmpty()) {
        name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return RULES + "." + prefix + "." + name + "Rule";
  }
}
