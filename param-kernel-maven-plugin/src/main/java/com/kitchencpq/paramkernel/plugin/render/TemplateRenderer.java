package com.kitchencpq.paramkernel.plugin.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills in a rollout template: the digest placeholder with the digest, each declared
 * variable with its override or its default, each {@code $${} with {@code ${}. Nothing else
 * changes, so comments, key order, quoting and line endings come out exactly as written.
 * The result must still be YAML.
 *
 * <p>Rendering and writing are separate steps ({@link #render} here, {@link RenderOutput#write}
 * there) so that the rendered text can be checked before anything reaches the disk.
 */
public final class TemplateRenderer {

  /**
   * @param template the template
   * @param digest the image digest ({@code sha256:} + 64 hex)
   * @param overrides values for declared variables; each must name a variable the template declares
   * @throws RenderException for an unknown or malformed placeholder, a template without the digest
   *     placeholder, a variable declared twice with different defaults, an override of a variable
   *     the template does not declare, a malformed digest, or a result that is not YAML
   */
  public RenderedRollout render(Template template, String digest, List<VariableOverride> overrides)
      throws RenderException {
    DigestInput.requireDigest(digest, "digest for " + template.name());
    List<Placeholder> placeholders = PlaceholderScanner.scan(template);
    Map<String, Placeholder> declared = declaredVariables(template, placeholders);
    Map<String, VariableOverride> byName = overridesByName(template, overrides, declared);
    if (placeholders.stream().noneMatch(p -> p.kind() == Placeholder.Kind.DIGEST)) {
      throw new RenderException(
          template.name()
              + ": the template has no ${"
              + PlaceholderScanner.DIGEST_NAME
              + "} placeholder, so the rendered rollout would not run"
              + " the resolved image; write the image as <repository>@${"
              + PlaceholderScanner.DIGEST_NAME
              + "}");
    }

    String text = template.text();
    StringBuilder out = new StringBuilder(text.length() + 256);
    List<Substitution> substitutions = new ArrayList<>();
    int copied = 0;
    for (Placeholder p : placeholders) {
      out.append(text, copied, p.start());
      copied = p.end();
      switch (p.kind()) {
        case ESCAPE -> out.append('$');
        case DIGEST -> {
          out.append(digest);
          substitutions.add(
              new Substitution(p.source(text), p.name(), p.line(), p.column(), digest, "digest"));
        }
        case VARIABLE -> {
          VariableOverride o = byName.get(p.name());
          String value = o == null ? p.defaultValue() : o.value();
          String source = o == null ? "default" : o.setting();
          out.append(value);
          substitutions.add(
              new Substitution(p.source(text), p.name(), p.line(), p.column(), value, source));
        }
      }
    }
    out.append(text, copied, text.length());
    String rendered = out.toString();
    YamlCheck.requireValid(rendered, template.name());
    return new RenderedRollout(template.name(), rendered, digest, substitutions);
  }

  private static Map<String, Placeholder> declaredVariables(
      Template template, List<Placeholder> placeholders) throws RenderException {
    Map<String, Placeholder> declared = new LinkedHashMap<>();
    for (Placeholder p : placeholders) {
      if (p.kind() != Placeholder.Kind.VARIABLE) {
        continue;
      }
      Placeholder first = declared.putIfAbsent(p.name(), p);
      if (first != null && !first.defaultValue().equals(p.defaultValue())) {
        throw new RenderException(
            template.name()
                + ":"
                + p.line()
                + ":"
                + p.column()
                + ": variable "
                + p.name()
                + " has the default '"
                + p.defaultValue()
                + "' here but '"
                + first.defaultValue()
                + "' at line "
                + first.line()
                + "; give every use of a variable the same default");
      }
    }
    return declared;
  }

  private static Map<String, VariableOverride> overridesByName(
      Template template, List<VariableOverride> overrides, Map<String, Placeholder> declared)
      throws RenderException {
    Map<String, VariableOverride> byName = new LinkedHashMap<>();
    for (VariableOverride o : overrides) {
      if (!declared.containsKey(o.variable())) {
        throw new RenderException(
            o.setting()
                + " is set, but "
                + template.name()
                + " declares no variable "
                + o.variable()
                + " (as ${"
                + o.variable()
                + ":-default}); remove the setting or use a template that declares it");
      }
      byName.put(o.variable(), o);
    }
    return byName;
  }
}
