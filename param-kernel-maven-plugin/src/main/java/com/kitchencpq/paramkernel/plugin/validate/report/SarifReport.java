package com.kitchencpq.paramkernel.plugin.validate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kitchencpq.paramkernel.plugin.core.AtomicFiles;
import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A SARIF 2.1.0 log of the findings, for GitHub code scanning and other viewers. Artifact URIs are
 * the displayed paths (relative to the top-level directory, base id {@code %SRCROOT%}); the rules
 * section describes every rule that has a result.
 */
public final class SarifReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  public static final String TOOL_NAME = "param-kernel-maven-plugin";

  private SarifReport() {}

  /** The SARIF document as JSON text (ends with a newline). */
  public static String toJson(ValidationReport report, List<Rule> rules) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", TOOL_NAME);
    driver.put("informationUri", "https://github.com/kitchen-cpq/param-kernel");
    Map<String, Rule> byId = new HashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    List<String> used =
        new ArrayList<>(new TreeSet<>(report.findings().stream().map(Finding::ruleId).toList()));
    ArrayNode ruleArray = driver.putArray("rules");
    for (String id : used) {
      ObjectNode r = ruleArray.addObject();
      r.put("id", id);
      Rule rule = byId.get(id);
      r.putObject("shortDescription").put("text", rule == null ? id : rule.description());
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : report.findings()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.ruleId());
      result.put("ruleIndex", used.indexOf(f.ruleId()));
      result.put("level", f.severity().label());
      result.putObject("message").put("text", f.message());
      ObjectNode location = result.putArray("locations").addObject();
      ObjectNode physical = location.putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      artifact.put("uri", f.path());
      if (!f.path().startsWith("/")) {
        artifact.put("uriBaseId", "%SRCROOT%");
      }
      ObjectNode region = physical.putObject("region");
      region.put("startLine", Math.max(1, f.line()));
      region.put("startColumn", Math.max(1, f.column()));
      if (!f.field().isEmpty()) {
        location.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.field());
      }
    }
    try {
      return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write SARIF", e);
    }
  }

  /** Writes the SARIF file atomically (a temporary file in the same directory, then a rename). */
  public static void write(ValidationReport report, List<Rule> rules, Path file)
      throws IOException {
    AtomicFiles.write(file, toJson(report, rules));
  }
}
