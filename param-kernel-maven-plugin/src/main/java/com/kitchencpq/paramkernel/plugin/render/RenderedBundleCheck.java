package com.kitchencpq.paramkernel.plugin.render;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.Severity;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.plugin.validate.ValidationOptions;
import com.kitchencpq.paramkernel.plugin.validate.ValidationReport;
import com.kitchencpq.paramkernel.plugin.validate.Validator;
import java.util.List;

/**
 * The check render makes before it writes anything: the rendered text must pass the validator
 * without errors. Plan checks stay off here (a team may render its own template); the validate goal
 * applies them to the written file. Substitution never adds or removes lines, so the findings'
 * lines are the template's lines and the findings name the template; a contingency ({@link
 * ContingencyEdit}) adds two annotation lines, after which lines are the rendered ones.
 */
final class RenderedBundleCheck {
  private RenderedBundleCheck() {}

  /** Fails with every error finding when the rendered bundle is not valid. */
  static ValidationReport requireValid(RenderedRollout rendered) throws InvalidBundleException {
    ValidationReport report =
        new Validator()
            .validateSources(
                List.of(new SourceText(rendered.templateName(), rendered.text())),
                ValidationOptions.of(false));
    List<Finding> errors =
        report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      throw new InvalidBundleException(errors);
    }
    return report;
  }
}
