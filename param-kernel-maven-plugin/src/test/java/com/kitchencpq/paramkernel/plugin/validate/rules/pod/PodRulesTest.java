package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodRulesTest {
  static final String DIGEST = "sha256:" + "ab".repeat(32);
  static final String POD =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: r
      spec:
        template:
          metadata:
            labels: {app: r}
          spec:
            containers:
              - name: app
                image: example/app@DIGEST
                ports:
                  - {name: http, containerPort: 8080}
                env:
                  - {name: MODE, value: fast}
              - name: sidecar
                image: example/side@DIGEST
      """
          .replace("DIGEST", DIGEST);

  @Test
  void containersRequired() {
    assertThat(run(new ContainersRule(), POD)).isEmpty();
    String none = POD.substring(0, POD.indexOf("    containers:")) + "    containers: []\n";
    assertThat(summary(run(new ContainersRule(), none))).containsExactly("pod.containers@10:error");
    assertThat(
            run(
                new ContainersRule(),
                POD.replace("  template:", "  workloadRef: {kind: Deployment, name: d}\n  x:")))
        .isEmpty();
  }

  @Test
  void containerNames() {
    assertThat(run(new ContainerNameRule(), POD)).isEmpty();
    assertThat(summary(run(new ContainerNameRule(), POD.replace("name: sidecar", "name: app"))))
        .containsExactly("pod.container-name@17:error");
    assertThat(
            summary(run(new ContainerNameRule(), POD.replace("name: sidecar", "name: Side_Car"))))
        .containsExactly("pod.container-name@17:error");
  }

  @Test
  void containerImage() {
    assertThat(run(new ContainerImageRule(), POD)).isEmpty();
    assertThat(
            summary(
                run(
                    new ContainerImageRule(),
                    POD.replace("image: example/side@" + DIGEST, "image: \"\""))))
        .containsExactly("pod.container-image@18:error");
  }

  @Test
  void imagePinnedIsAHazard() {
    assertThat(run(new ImagePinnedRule(), POD)).isEmpty();
    String tagged = POD.replace("example/app@" + DIGEST, "example/app:1.0");
    assertThat(summary(run(new ImagePinnedRule(), tagged)))
        .containsExactly("pod.image-pinned@12:warning");
    assertThat(summary(runPlan(new ImagePinnedRule(), tagged)))
        .containsExactly("pod.image-pinned@12:error");
  }

  @Test
  void ports() {
    assertThat(run(new ContainerPortsRule(), POD)).isEmpty();
    assertThat(
            summary(
                run(
                    new ContainerPortsRule(),
                    POD.replace("containerPort: 8080", "containerPort: 70000"))))
        .containsExactly("pod.container-ports@14:error");
  }

  @Test
  void env() {
    assertThat(run(new EnvRule(), POD)).isEmpty();
    assertThat(
            summary(
                run(
                    new EnvRule(),
                    POD.replace(
                        "value: fast}",
                        "value: fast, valueFrom: {fieldRef: {fieldPath: metadata.name}}}"))))
        .containsExactly("pod.env@16:error");
  }

  @Test
  void restartPolicy() {
    assertThat(
            run(
                new RestartPolicyRule(),
                POD.replace("    containers:", "    restartPolicy: Always\n    containers:")))
        .isEmpty();
    assertThat(
            summary(
                run(
                    new RestartPolicyRule(),
                    POD.replace(
                        "    containers:", "    restartPolicy: OnFailure\n    containers:"))))
        .containsExactly("pod.restart-policy@10:error");
  }

  @Test
  void activeDeadline() {
    assertThat(run(new ActiveDeadlineRule(), POD)).isEmpty();
    assertThat(
            summary(
                run(
                    new ActiveDeadlineRule(),
                    POD.replace(
                        "    containers:", "    activeDeadlineSeconds: 30\n    containers:"))))
        .containsExactly("pod.active-deadline@10:error");
  }

  @Test
  void labels() {
    assertThat(run(new LabelSyntaxRule(), POD)).isEmpty();
    assertThat(
            summary(
                run(
                    new LabelSyntaxRule(),
                    POD.replace("labels: {app: r}", "labels: {app: \"r r\", -bad: x}"))))
        .containsExactly("pod.label-syntax@8:error", "pod.label-syntax@8:error");
  }
}
