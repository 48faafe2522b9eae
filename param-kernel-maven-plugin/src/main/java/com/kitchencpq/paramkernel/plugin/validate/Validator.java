package com.kitchencpq.paramkernel.plugin.validate;

import com.kitchencpq.paramkernel.plugin.validate.rules.RuleRegistry;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The entry point of validation: reads the files, builds the context and runs every rule of the
 * registry. A rule that throws is a bug; it is reported as a finding of that rule rather than
 * hiding the other findings.
 */
public final class Validator {
  private final List<Rule> rules;

  public Validator() {
    this(RuleRegistry.all());
  }

  /** A validator with a chosen set of rules (tests use one rule at a time). */
  public Validator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Validates files and directories (searched recursively for {@code *.yaml} and {@code *.yml} in
   * sorted order).
   *
   * @throws NoSuchFileException when a given path does not exist
   * @throws IOException when a file cannot be read (a file that is not UTF-8 is a finding)
   */
  public ValidationReport validate(List<Path> filesOrDirs, ValidationOptions options)
      throws IOException {
    List<YamlDocuments.Parsed> parsed = new ArrayList<>();
    for (Path file : expand(filesOrDirs)) {
      String shown = display(file, options.baseDirectory());
      byte[] bytes = Files.readAllBytes(file);
      try {
        parsed.add(YamlDocuments.parse(shown, decode(bytes)));
      } catch (CharacterCodingException e) {
        parsed.add(
            new YamlDocuments.Parsed(
                shown,
                List.of(),
                List.of(
                    new YamlDocuments.SyntaxError(
                        1, 1, "the file is not UTF-8 text; save it as UTF-8"))));
      }
    }
    return run(parsed, options);
  }

  /** Validates in-memory texts (the render goal checks what it is about to write). */
  public ValidationReport validateSources(List<SourceText> sources, ValidationOptions options) {
    List<YamlDocuments.Parsed> parsed = new ArrayList<>();
    for (SourceText s : sources) {
      parsed.add(YamlDocuments.parse(s.path(), s.content()));
    }
    return run(parsed, options);
  }

  private ValidationReport run(List<YamlDocuments.Parsed> parsed, ValidationOptions options) {
    ValidationContext ctx =
        new ValidationContext(parsed, options.planChecks(), options.argoVersion());
    FindingCollector collector = new FindingCollector(options.planChecks());
    for (Rule rule : rules) {
      FindingSink sink = collector.forRule(rule.id());
      try {
        rule.check(ctx, sink);
      } catch (RuntimeException e) {
        String where = parsed.isEmpty() ? "" : parsed.get(0).file();
        sink.report(
            Severity.ERROR,
            where,
            1,
            1,
            "",
            "internal error in rule "
                + rule.id()
                + " ("
                + e
                + "); please report it with the input file");
      }
    }
    return new ValidationReport(
        collector.findings(),
        ctx.manifests().size(),
        parsed.stream().map(YamlDocuments.Parsed::file).toList());
  }

  /**
   * The files a list of files and directories stands for, without duplicates, in a stable order.
   */
  public static List<Path> expand(List<Path> filesOrDirs) throws IOException {
    Set<Path> out = new LinkedHashSet<>();
    for (Path p : filesOrDirs) {
      Path abs = p.toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        throw new NoSuchFileException(abs.toString());
      }
      if (Files.isDirectory(abs)) {
        try (Stream<Path> walk = Files.walk(abs)) {
          walk.filter(Files::isRegularFile)
              .filter(
                  f -> {
                    String n = f.getFileName().toString();
                    return n.endsWith(".yaml") || n.endsWith(".yml");
                  })
              .sorted()
              .forEach(out::add);
        }
      } else {
        out.add(abs);
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code file} relative to {@code base} when inside it, else absolute; always with forward
   * slashes.
   */
  public static String display(Path file, Path base) {
    Path abs = file.toAbsolutePath().normalize();
    Path b = base.toAbsolutePath().normalize();
    String s = abs.startsWith(b) && !abs.equals(b) ? b.relativize(abs).toString() : abs.toString();
    return s.replace('\\', '/');
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
