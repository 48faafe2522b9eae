package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
  static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
  private final TemplateRenderer renderer = new TemplateRenderer();

  private static Template template(String text) {
    return new Template("t.yaml", text);
  }

  private RenderedRollout render(String text, VariableOverride... overrides)
      throws RenderException {
    return renderer.render(template(text), DIGEST, List.of(overrides));
  }

  @Test
  void replacesEveryDigestPlaceholderAndRecordsWhere() throws Exception {
    RenderedRollout r =
        render(
            "a:\n  image: repo@${PARAM_KERNEL_IMAGE_DIGEST}\nb: x@${PARAM_KERNEL_IMAGE_DIGEST}\n");

    assertThat(r.text()).isEqualTo("a:\n  image: repo@" + DIGEST + "\nb: x@" + DIGEST + "\n");
    assertThat(r.digest()).isEqualTo(DIGEST);
    assertThat(r.substitutions())
        .containsExactly(
            new Substitution(
                "${PARAM_KERNEL_IMAGE_DIGEST}",
                "PARAM_KERNEL_IMAGE_DIGEST",
                2,
                15,
                DIGEST,
                "digest"),
            new Substitution(
                "${PARAM_KERNEL_IMAGE_DIGEST}",
                "PARAM_KERNEL_IMAGE_DIGEST",
                3,
                6,
                DIGEST,
                "digest"));
  }

  @Test
  void declaredVariableTakesItsDefault() throws Exception {
    RenderedRollout r =
        render(
            "image: r@${PARAM_KERNEL_IMAGE_DIGEST}\naddress: ${PROM:-http://p:9090}\n"
                + "again: ${PROM:-http://p:9090}\nempty: '${EMPTY:-}'\n");

    assertThat(r.text())
        .isEqualTo(
            "image: r@" + DIGEST + "\naddress: http://p:9090\nagain: http://p:9090\nempty: ''\n");
    assertThat(r.substitutions())
        .extracting(
            Substitution::name, Substitution::line, Substitution::value, Substitution::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PARAM_KERNEL_IMAGE_DIGEST", 1, DIGEST, "digest"),
            org.assertj.core.groups.Tuple.tuple("PROM", 2, "http://p:9090", "default"),
            org.assertj.core.groups.Tuple.tuple("PROM", 3, "http://p:9090", "default"),
            org.assertj.core.groups.Tuple.tuple("EMPTY", 4, "", "default"));
  }

  @Test
  void overrideReplacesTheDefaultEverywhere() throws Exception {
    RenderedRollout r =
        render(
            "image: r@${PARAM_KERNEL_IMAGE_DIGEST}\n"
                + "a: ${PROM:-http://p:9090}\n"
                + "b: ${PROM:-http://p:9090}\n",
            new VariableOverride("PROM", "https://other:443", "paramkernel.prometheusAddress"));

    assertThat(r.text())
        .isEqualTo("image: r@" + DIGEST + "\na: https://other:443\nb: https://other:443\n");
    assertThat(r.substitutions())
        .filteredOn(s -> s.name().equals("PROM"))
        .extracting(Substitution::source)
        .containsOnly("paramkernel.prometheusAddress");
  }

  @Test
  void overrideOfAVariableTheTemplateDoesNotDeclareFails() {
    assertThatThrownBy(
            () ->
                render(
                    "image: r@${PARAM_KERNEL_IMAGE_DIGEST}\n",
                    new VariableOverride("PROM", "http://x", "paramkernel.prometheusAddress")))
        .isInstanceOf(RenderException.class)
        .hasMessage(
            "paramkernel.prometheusAddress is set, but t.yaml declares no variable PROM (as"
                + " ${PROM:-default}); remove the setting or use a template that declares it");
  }

  @Test
  void oneVariableWithTwoDefaultsFails() {
    assertThatThrownBy(
            () -> render("image: r@${PARAM_KERNEL_IMAGE_DIGEST}\na: ${P:-one}\nb: ${P:-two}\n"))
        .hasMessageStartingWith(
            "t.yaml:3:4: variable P has the default 'two' here but 'one' at line 2");
  }

  @Test
  void unknownPlaceholderIsReportedWithLineColumnAndText() {
    assertThatThrownBy(
            () -> render("image: r@${PARAM_KERNEL_IMAGE_DIGEST}\nspec:\n  tag: v-${GITHUB_SHA}\n"))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("t.yaml:3:10: unknown placeholder ${GITHUB_SHA};");
  }

  @Test
  void everyPlaceholderProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                render(
                    "# ${IN_A_COMMENT}\n"
                        + "image: r@${PARAM_KERNEL_IMAGE_DIGEST}\n"
                        + "a: ${lower:-x}\n"
                        + "b: ${PARAM_KERNEL_IMAGE_DIGEST:-sha256:0}\n"
                        + "c: ${UNCLOSED\n"))
        .hasMessageContaining("4 placeholder problems:")
        .hasMessageContaining("t.yaml:1:3: unknown placeholder ${IN_A_COMMENT}")
        .hasMessageContaining("t.yaml:3:4: unknown placeholder ${lower:-x}")
        .hasMessageContaining("t.yaml:4:4: the digest placeholder takes no default")
        .hasMessageContaining(
            "t.yaml:5:4: unterminated placeholder ${UNCLOSED (no closing brace on this line)");
  }

  @Test
  void placeholderDoesNotSpanLines() {
    assertThatThrownBy(() -> render("image: r@${PARAM_KERNEL_IMAGE_DIGEST}\na: ${A:-x\n}\n"))
        .hasMessageStartingWith("t.yaml:2:4: unterminated placeholder");
  }

  @Test
  void doubleDollarBraceIsALiteralDollarBraceAndOtherDollarsStay() throws Exception {
    RenderedRollout r =
        render(
            "image: r@${PARAM_KERNEL_IMAGE_DIGEST}\n"
                + "cmd: echo $$${X} $HOME $$ ${PARAM_KERNEL_IMAGE_DIGEST}$\n"
                + "# write $${NAME:-default} for a variable\n");

    assertThat(r.text())
        .isEqualTo(
            "image: r@"
                + DIGEST
                + "\ncmd: echo $${X} $HOME $$ "
                + DIGEST
                + "$\n"
                + "# write ${NAME:-default} for a variable\n");
    assertThat(r.substitutions()).hasSize(2);
  }

  @Test
  void malformedDigestFails() {
    for (String bad :
        List.of(
            "sha256:abc",
            "SHA256:" + "0".repeat(64),
            "sha256:" + "A".repeat(64),
            "sha512:" + "0".repeat(128),
            "0".repeat(64),
            "")) {
      assertThatThrownBy(
              () ->
                  renderer.render(
                      template("image: r@${PARAM_KERNEL_IMAGE_DIGEST}\n"), bad, List.of()))
          .isInstanceOf(RenderException.class)
          .hasMessageContaining("expected sha256: followed by 64 lowercase hex digits");
    }
  }

  @Test
  void templateWithoutTheDigestPlaceholderFails() {
    assertThatThrownBy(() -> render("image: repo:latest\n"))
        .hasMessageStartingWith(
            "t.yaml: the template has no ${PARAM_KERNEL_IMAGE_DIGEST} placeholder");
  }

  @Test
  void resultThatIsNotYamlNamesTheLine() {
    assertThatThrownBy(
            () -> render("a: 1\nimage: r@${PARAM_KERNEL_IMAGE_DIGEST}\nb: [unclosed\nc: 2\n"))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("t.yaml:4:")
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> render("a: 1\n  b: 2\nimage: r@${PARAM_KERNEL_IMAGE_DIGEST}\n"))
        .hasMessageStartingWith("t.yaml:2:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void everyByteOutsidePlaceholdersIsKept() throws Exception {
    String template =
        "\uFEFF# comment with ümlauts and 'quotes' \"here\"   \r\n"
            + "---\r\n"
            + "kind: Rollout   # trailing comment\r\n"
            + "b: 'single ${PARAM_KERNEL_IMAGE_DIGEST}'\r\n"
            + "a: \"double\"\r\n"
            + "z: |\r\n  block\r\n    kept\r\n"
            + "url: ${U:-http://h:1/x}\r\n"
            + "\tcomment: no\n".replace("\tcomment: no\n", "tabs: \"\t\"\n");
    RenderedRollout r = render(template);

    String expected =
        template
            .replace("${PARAM_KERNEL_IMAGE_DIGEST}", DIGEST)
            .replace("${U:-http://h:1/x}", "http://h:1/x");
    assertThat(r.text()).isEqualTo(expected);
    assertThat(r.text()).contains("\r\n").startsWith("\uFEFF");
    assertThat(r.substitutions()).extracting(Substitution::line).containsExactly(4, 9);
  }

  @Test
  void linesAreCountedAcrossAllLineBreakStyles() {
    assertThatThrownBy(() -> render("a: 1\rb: 2\r\nc: 3\nd: ${X}\r\n"))
        .hasMessageStartingWith("t.yaml:4:4: unknown placeholder ${X}");
  }

  @Test
  void sameInputsGiveTheSameOutput() throws Exception {
    String text = "image: r@${PARAM_KERNEL_IMAGE_DIGEST}\nu: ${U:-x}\n";
    assertThat(render(text)).isEqualTo(render(text));
  }
}
