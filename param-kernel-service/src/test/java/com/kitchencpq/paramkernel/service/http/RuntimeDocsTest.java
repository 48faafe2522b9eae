package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/runtime.md quotes the container JVM flags the POM defines, not a copy that drifted. */
class RuntimeDocsTest {
  @Test
  void runtimeDocQuotesThePomsJvmFlags() throws Exception {
    String doc = Files.readString(Path.of("docs/runtime.md"), StandardCharsets.UTF_8);
    int section = doc.indexOf("## JVM flags for a container");
    assertThat(section).as("docs/runtime.md has its JVM flags section").isNotNegative();
    int open = doc.indexOf("```", section);
    int close = doc.indexOf("```", open + 3);
    List<String> quoted = Arrays.asList(doc.substring(open + 3, close).trim().split("\\s+"));
    assertThat(quoted).as("flags quoted in docs/runtime.md").isEqualTo(JvmFlags.container());
  }
}
