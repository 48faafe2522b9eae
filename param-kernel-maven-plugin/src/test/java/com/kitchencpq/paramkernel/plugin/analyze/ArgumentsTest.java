package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.analyze.Arguments.Argument;
import com.kitchencpq.paramkernel.plugin.analyze.Arguments.ValueFrom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Argument merge and substitution on the cases of upstream's tests, named after them: {@code
 * utils/template/template_test.go}, {@code utils/analysis/helpers_test.go} (TestMergeArgs,
 * TestFlattenTemplates) and {@code utils/analysis/factory_test.go} (TestResolveMetricArgs...), all
 * at v1.9.1.
 */
class ArgumentsTest {

  private static Object resolve(String text, Map<String, String> args) {
    return ((Map<?, ?>) Arguments.resolveMetricArgs(Map.of("successCondition", text), args))
        .get("successCondition");
  }

  @Test
  void testResolveArgsWithNoSubstitution() {
    assertThat(resolve("test", Map.of())).isEqualTo("test");
  }

  @Test
  void testResolveArgsRemoveWhiteSpace() {
    assertThat(resolve("test-{{ args.var }}", Map.of("var", "foo"))).isEqualTo("test-foo");
  }

  @Test
  void testResolveArgsWithSubstitution() {
    assertThat(resolve("test-{{args.var}}", Map.of("var", "foo"))).isEqualTo("test-foo");
  }

  @Test
  void testInvalidTemplate() {
    assertThatThrownBy(() -> resolve("test-{{args.var", Map.of()))
        .hasMessage(
            "Cannot find end tag=\"}}\" in the template=\"test-{{args.var\" starting from"
                + " \"args.var\"");
  }

  @Test
  void testMissingArgs() {
    assertThatThrownBy(() -> resolve("test-{{args.var}}", Map.of()))
        .hasMessage("failed to resolve {{args.var}}");
  }

  @Test
  void testResolveQuotedArgs() {
    // quoted for JSON, unquoted by the unmarshal: the value arrives as written
    assertThat(resolve("test-{{args.var}}", Map.of("var", "double quotes\"newline\nand tab\t")))
        .isEqualTo("test-double quotes\"newline\nand tab\t");
  }

  @Test
  void testResolveMetricArgs() {
    assertThat(resolve("result > {{args.metric-name}}", Map.of("metric-name", "success-rate")))
        .isEqualTo("result > success-rate");
  }

  @Test
  void testResolveMetricArgsWithQuotes() {
    assertThat(resolve("{{args.rate}}", Map.of("rate", "foo \"bar\" baz")))
        .isEqualTo("foo \"bar\" baz");
  }

  @Test
  void testResolveMetricArgsUnableToSubstitute() {
    // analysis/analysis_test.go: both tags fail; fasttemplate keeps the last error, and the
    // provider (holding the query) comes after successCondition in the marshalled metric
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("name", "rate");
    metric.put("provider", Map.of("prometheus", Map.of("query", "{{args.metric-name}}")));
    metric.put("successCondition", "{{args.does-not-exist}}");
    assertThatThrownBy(() -> Arguments.resolveMetricArgs(metric, Map.of()))
        .hasMessage("failed to resolve {{args.metric-name}}");
  }

  @Test
  void aValueWithACharacterJsonCannotCarryFailsTheUnmarshal() {
    // strconv.Quote writes BEL as \a, which encoding/json refuses
    assertThatThrownBy(() -> resolve("{{args.x}}", Map.of("x", "ring\u0007")))
        .hasMessage("invalid character 'a' in string escape code");
    assertThatThrownBy(() -> resolve("{{args.x}}", Map.of("x", "del\u007f")))
        .hasMessage("invalid character 'x' in string escape code");
  }

  @Test
  void valuesAreInsertedVerbatimWithoutPromqlEscaping() {
    assertThat(resolve("up{service=\"{{args.s}}\"}", Map.of("s", "a\"b\\c")))
        .isEqualTo("up{service=\"a\"b\\c\"}");
    assertThat(resolve("{{args.s}}", Map.of("s", "caf\u00e9 \u00a0\u2028")))
        .isEqualTo("caf\u00e9 \u00a0\u2028");
  }

  @Test
  void tagsInKeysAndListsAreReplacedToo() {
    Object out =
        Arguments.resolveMetricArgs(
            Map.of(
                "provider",
                Map.of(
                    "prometheus",
                    Map.of(
                        "headers", List.of(Map.of("key", "X-{{args.h}}", "value", "{{args.v}}"))))),
            Map.of("h", "T", "v", "1"));
    assertThat(out)
        .isEqualTo(
            Map.of(
                "provider",
                Map.of(
                    "prometheus", Map.of("headers", List.of(Map.of("key", "X-T", "value", "1"))))));
  }

  private static Argument arg(String name, String value) {
    return new Argument(name, value, null);
  }

  @Test
  void testMergeArgs() {
    // empty list
    assertThat(Arguments.mergeArgs(List.of(), List.of())).isEmpty();
    // use defaults
    ValueFrom secret = new ValueFrom("name", "key", null, null);
    List<Argument> defaults =
        Arguments.mergeArgs(
            List.of(), List.of(arg("foo", "bar"), new Argument("my-secret", null, secret)));
    assertThat(defaults)
        .containsExactly(arg("foo", "bar"), new Argument("my-secret", null, secret));
    // overwrite defaults
    assertThat(Arguments.mergeArgs(List.of(arg("foo", "overwrite")), List.of(arg("foo", "bar"))))
        .containsExactly(arg("foo", "overwrite"));
    // not resolved
    assertThatThrownBy(
            () -> Arguments.mergeArgs(List.of(arg("foo", null)), List.of(arg("foo", null))))
        .hasMessage("args.foo was not resolved");
    // extra arg: dropped, as the templates do not declare it
    assertThat(
            Arguments.mergeArgs(
                List.of(arg("foo", "my-value"), arg("extra-arg", "extra-value")),
                List.of(arg("foo", null))))
        .containsExactly(arg("foo", "my-value"));
  }

  @Test
  void testFlattenTemplatesMergeArgs() {
    // Merge multiple args successfully
    assertThat(
            Arguments.flattenArgs(
                List.of(List.of(arg("foo", "true")), List.of(arg("bar", "true")))))
        .containsExactly(arg("foo", "true"), arg("bar", "true"));
    // Merge args with same name but only one has value
    assertThat(
            Arguments.flattenArgs(List.of(List.of(arg("foo", "true")), List.of(arg("foo", null)))))
        .containsExactly(arg("foo", "true"));
    assertThat(
            Arguments.flattenArgs(List.of(List.of(arg("foo", null)), List.of(arg("foo", "true")))))
        .containsExactly(arg("foo", "true"));
    // Error: merge args with same name and both have values
    assertThatThrownBy(
            () ->
                Arguments.flattenArgs(
                    List.of(List.of(arg("foo", "true")), List.of(arg("foo", "false")))))
        .hasMessage(
            "Argument `foo` specified multiple times with different values: 'true', 'false'");
  }
}
