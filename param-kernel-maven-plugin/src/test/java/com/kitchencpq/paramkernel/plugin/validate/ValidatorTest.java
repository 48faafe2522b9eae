package com.kitchencpq.paramkernel.plugin.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
  @TempDir Path dir;

  @Test
  void directoriesAreSearchedRecursivelyInSortedOrder() throws Exception {
    Files.createDirectories(dir.resolve("b/c"));
    Files.writeString(dir.resolve("b/c/z.yml"), "apiVersion: v1\nkind: ConfigMap\n");
    Files.writeString(
        dir.resolve("a.yaml"),
        "apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\n");
    Files.writeString(dir.resolve("notes.txt"), "not yaml: [");
    ValidationReport report =
        new Validator().validate(List.of(dir), new ValidationOptions(false, dir));
    assertThat(report.files()).containsExactly("a.yaml", "b/c/z.yml");
    assertThat(report.documents()).isEqualTo(3);
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void missingPathIsAnException() {
    assertThatThrownBy(
            () ->
                new Validator()
                    .validate(List.of(dir.resolve("nope.yaml")), ValidationOptions.of(false)))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void syntaxErrorsBecomeFindings() {
    ValidationReport report =
        new Validator()
            .validateSources(
                List.of(new SourceText("x.yaml", "a: b: c\n")), ValidationOptions.of(false));
    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("yaml.syntax");
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.column()).isEqualTo(5);
            });
    assertThat(report.errors()).isEqualTo(1);
  }

  @Test
  void aFileThatIsNotUtf8IsAFinding() throws Exception {
    Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    ValidationReport report =
        new Validator().validate(List.of(dir), new ValidationOptions(false, dir));
    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("latin1.yaml");
              assertThat(f.ruleId()).isEqualTo("yaml.syntax");
              assertThat(f.message()).contains("UTF-8");
            });
  }
}
