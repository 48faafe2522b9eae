package com.kitchencpq.paramkernel.plugin.validate.rules.yaml;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.Severity;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlDocuments;

/** Reports the YAML syntax errors found while reading the files. */
public final class SyntaxRule implements Rule {
  @Override
  public String id() {
    return "yaml.syntax";
  }

  @Override
  public String description() {
    return "The file must be valid YAML.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (YamlDocuments.Parsed file : ctx.files()) {
      for (YamlDocuments.SyntaxError e : file.errors()) {
        out.report(Severity.ERROR, file.file(), e.line(), e.column(), "", e.message());
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "A4",
            "the file parses as YAML (position of the first syntax error; later documents of that "
                + "file are not read)")
        .fix(
            "Fix the YAML at the reported line and column; the file's later documents are "
                + "checked once it parses.");
  }
}
