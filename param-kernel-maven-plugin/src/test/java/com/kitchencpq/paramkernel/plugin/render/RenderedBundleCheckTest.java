package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenderedBundleCheckTest {
  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  private static RenderedRollout render(String text) throws RenderException {
    return new TemplateRenderer()
        .render(new Template("team/rollout.yaml", text), DIGEST, List.of());
  }

  private static String rollout(int weight) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: demo
    spec:
      selector:
        matchLabels: {app: demo}
      template:
        metadata:
          labels: {app: demo}
        spec:
          containers:
            - name: demo
              image: example/demo@${PARAM_KERNEL_IMAGE_DIGEST}
      strategy:
        canary:
          steps:
            - setWeight: %d
            - pause: {duration: 1m}
    """
        .formatted(weight);
  }

  @Test
  void aValidBundlePasses() throws Exception {
    assertThat(RenderedBundleCheck.requireValid(render(rollout(20))).errors()).isZero();
  }

  @Test
  void anInvalidBundleFailsNamingTheTemplateLineAndRule() {
    assertThatThrownBy(() -> RenderedBundleCheck.requireValid(render(rollout(150))))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("nothing was written")
        .hasMessageContaining("team/rollout.yaml:18:")
        .hasMessageContaining("[canary.setweight-range]")
        .isInstanceOfSatisfying(
            InvalidBundleException.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        f -> {
                          assertThat(f.path()).isEqualTo("team/rollout.yaml");
                          assertThat(f.line()).isEqualTo(18);
                          assertThat(f.ruleId()).isEqualTo("canary.setweight-range");
                        }));
  }
}
