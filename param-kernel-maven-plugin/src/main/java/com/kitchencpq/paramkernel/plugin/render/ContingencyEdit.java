package com.kitchencpq.paramkernel.plugin.render;

import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.expr.ConditionParser;
import com.kitchencpq.paramkernel.plugin.expr.ConditionSyntaxException;
import com.kitchencpq.paramkernel.plugin.expr.Expr;
import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.P95Contingency;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlDocuments;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Writes a {@link P95Contingency} into rendered text as two insertions at exact positions, so every
 * other byte stays as rendered (comments, order, quoting, line endings):
 *
 * <ol>
 *   <li>the number literal of the {@code >} bound in the {@code failureCondition} of metric {@value
 *       P95Contingency#METRIC} of the plan's health AnalysisTemplate is replaced by the widened
 *       bound;
 *   <li>the annotation {@value P95Contingency#ANNOTATION} is added to that template's metadata: as
 *       the first entry of its block {@code annotations}, or, without annotations, as a new {@code
 *       annotations} block on the line after {@code name}.
 * </ol>
 *
 * Positions come from the YAML parser's marks; anything the edit cannot place safely (a multi-line
 * or escaped condition, flow-style metadata, an annotation that is already there) is refused with
 * the file and line, never guessed. The edited text is read back and checked.
 */
public final class ContingencyEdit {
  private static final Pattern NUMBER =
      Pattern.compile("(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final String INDENT_STEP = "  ";

  /**
   * What the edit changed.
   *
   * @param text the edited text
   * @param previousBound the bound as the template wrote it ({@code 0.060})
   * @param boundLine 1-based line of the bound in the edited text
   * @param annotationLine 1-based line of the annotation in the edited text
   * @param insertedAt 1-based line of the unedited text before which the annotation went in
   * @param insertedLines how many lines the annotation added (the bound is replaced in place)
   */
  public record Result(
      String text,
      String previousBound,
      int boundLine,
      int annotationLine,
      int insertedAt,
      int insertedLines) {
    public Result {
      Objects.requireNonNull(text, "text");
    }

    /** Where line {@code line} of the unedited text is in the edited text. */
    public int editedLine(int line) {
      return line >= insertedAt ? line + insertedLines : line;
    }
  }

  private record Insertion(int start, int end, String text) {}

  /** The bound's number literal: where it is in the text and how it is written. */
  private record Bound(int start, int end, String literal) {}

  private final RolloutPlan plan;

  public ContingencyEdit(RolloutPlan plan) {
    this.plan = plan;
  }

  /**
   * @param name how messages name the text (the template)
   * @param text rendered text (valid YAML)
   * @throws RenderException when the plan's template, its metric or its bound is missing or cannot
   *     be edited in place
   */
  public Result apply(String name, String text, P95Contingency contingency) throws RenderException {
    YamlNode doc = healthTemplate(name, text);
    Bound bound = boundLiteral(name, text, doc);
    YamlNode metadata = doc.get("metadata");
    Insertion annotation = annotationInsertion(name, text, metadata, contingency);
    List<Insertion> edits = new ArrayList<>();
    edits.add(new Insertion(bound.start(), bound.end(), contingency.valueText()));
    edits.add(annotation);
    edits.sort((a, b) -> Integer.compare(b.start(), a.start()));
    StringBuilder out = new StringBuilder(text);
    for (Insertion e : edits) {
      out.replace(e.start(), e.end(), e.text());
    }
    String edited = out.toString();
    int insertedAt = new TextPosition(text).line(annotation.start());
    int insertedLines = (int) annotation.text().chars().filter(c -> c == '\n').count();
    return readBack(name, edited, contingency, bound.literal(), insertedAt, insertedLines);
  }

  private Result readBack(
      String name,
      String edited,
      P95Contingency contingency,
      String previous,
      int insertedAt,
      int insertedLines)
      throws RenderException {
    YamlNode doc = healthTemplate(name, edited);
    YamlNode ann = doc.at("metadata", "annotations").get(P95Contingency.ANNOTATION);
    Bound bound = boundLiteral(name, edited, doc);
    boolean ok =
        ann.isScalar()
            && contingency.equals(safeParse(ann.text()))
            && bound.literal().equals(contingency.valueText());
    if (!ok) {
      throw new RenderException(
          name
              + ": the contingency could not be written into "
              + plan.analysisTemplate()
              + " without changing its meaning (the edited YAML reads"
              + " differently); render without "
              + PropertyNames.CONTINGENCY_P95_FAILURE
              + " and report the template");
    }
    TextPosition pos = new TextPosition(edited);
    return new Result(
        edited, previous, pos.line(bound.start()), ann.line(), insertedAt, insertedLines);
  }

  private static P95Contingency safeParse(String value) {
    try {
      return P95Contingency.parseAnnotation(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private YamlNode healthTemplate(String name, String text) throws RenderException {
    YamlDocuments.Parsed parsed = YamlDocuments.parse(name, text);
    if (!parsed.errors().isEmpty()) {
      YamlDocuments.SyntaxError e = parsed.errors().get(0);
      throw new RenderException(name + ":" + e.line() + ":" + e.column() + ": " + e.message());
    }
    List<YamlNode> found = new ArrayList<>();
    for (YamlDocuments.Document d : parsed.documents()) {
      YamlNode root = d.root();
      if ("AnalysisTemplate".equals(root.get("kind").text(""))
          && plan.analysisTemplate().equals(root.at("metadata", "name").text(""))) {
        found.add(root);
      }
    }
    if (found.size() != 1) {
      throw new RenderException(
          name
              + " has "
              + (found.isEmpty() ? "no" : found.size())
              + " AnalysisTemplate named "
              + plan.analysisTemplate()
              + "; "
              + PropertyNames.CONTINGENCY_P95_FAILURE
              + " widens the p95 bound of that one template"
              + ", so render the plan's bundle or remove the contingency properties");
    }
    return found.get(0);
  }

  /** The number literal of the {@code >} bound on result in the metric's failureCondition. */
  private Bound boundLiteral(String name, String text, YamlNode doc) throws RenderException {
    YamlNode metric =
        doc.at("spec", "metrics").items().stream()
            .filter(m -> P95Contingency.METRIC.equals(m.get("name").text("")))
            .findFirst()
            .orElseThrow(
                () ->
                    new RenderException(
                        name
                            + ":"
                            + doc.line()
                            + ": AnalysisTemplate "
                            + plan.analysisTemplate()
                            + " has no metric "
                            + P95Contingency.METRIC
                            + ", whose"
                            + " failure bound "
                            + PropertyNames.CONTINGENCY_P95_FAILURE
                            + " widens"));
    YamlNode condition = metric.get("failureCondition");
    if (!(condition.raw() instanceof ScalarNode scalar)) {
      throw cannotEdit(
          name, metric, "metric " + P95Contingency.METRIC + " has no failureCondition");
    }
    int start = offsetOf(text, condition);
    int end = text.offsetByCodePoints(0, scalar.getEndMark().getIndex());
    String source = text.substring(start, end);
    String value = scalar.getValue();
    int base;
    if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && source.equals(value)) {
      base = start;
    } else if ((scalar.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED
            || scalar.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED)
        && source.length() >= 2
        && source.substring(1, source.length() - 1).equals(value)) {
      base = start + 1;
    } else {
      throw cannotEdit(
          name,
          condition,
          "the failureCondition spans lines or uses escapes;" + " write it on one line");
    }
    Expr expr;
    try {
      expr = ConditionParser.parse(value);
    } catch (ConditionSyntaxException e) {
      throw cannotEdit(name, condition, "the failureCondition does not parse: " + e.getMessage());
    }
    List<Expr.Literal> bounds = new ArrayList<>();
    for (Exprs.Threshold t : Exprs.thresholds(expr)) {
      if (!t.op().equals(">")) {
        continue;
      }
      for (Expr e : Exprs.nodes(expr)) {
        if (e instanceof Expr.Binary b && b.offset() == t.offset()) {
          Expr side = b.op().equals(">") ? b.right() : b.left();
          if (side instanceof Expr.Literal l && l.value() instanceof Number) {
            bounds.add(l);
          }
        }
      }
    }
    if (bounds.size() != 1) {
      throw cannotEdit(
          name,
          condition,
          "the failureCondition should have exactly one bound"
              + " written as 'result[0] > <number>', it has "
              + bounds.size());
    }
    int at = base + bounds.get(0).offset();
    Matcher number = NUMBER.matcher(text).region(at, end);
    if (!number.lookingAt()) {
      throw cannotEdit(name, condition, "the failureCondition's bound is not a plain number");
    }
    return new Bound(at, number.end(), number.group());
  }

  private Insertion annotationInsertion(
      String name, String text, YamlNode metadata, P95Contingency contingency)
      throws RenderException {
    if (!(metadata.raw() instanceof MappingNode meta)
        || meta.getFlowStyle() != DumperOptions.FlowStyle.BLOCK) {
      throw cannotEdit(
          name,
          metadata,
          "the metadata of "
              + plan.analysisTemplate()
              + " must be a block mapping (one key per line) to take the contingency annotation");
    }
    String entry = P95Contingency.ANNOTATION + ": " + singleQuoted(contingency.annotationValue());
    YamlNode annotations = metadata.get("annotations");
    if (annotations.isPresent()) {
      if (annotations.has(P95Contingency.ANNOTATION)) {
        throw cannotEdit(
            name,
            annotations.keyNode(P95Contingency.ANNOTATION),
            "the template"
                + " already carries "
                + P95Contingency.ANNOTATION
                + "; render from a template"
                + " without it");
      }
      if (!(annotations.raw() instanceof MappingNode a)
          || a.getFlowStyle() != DumperOptions.FlowStyle.BLOCK
          || a.getValue().isEmpty()) {
        throw cannotEdit(
            name,
            annotations,
            "metadata.annotations must be a non-empty block"
                + " mapping (one key per line) to take the contingency annotation");
      }
      YamlNode first = annotations.entries().get(0).keyNode();
      int keyStart = offsetOf(text, first);
      int lineStart = lineStart(text, keyStart);
      String indent = text.substring(lineStart, keyStart);
      requireIndent(name, first, indent);
      return new Insertion(lineStart, lineStart, indent + entry + lineBreak(text, keyStart));
    }
    YamlNode nameKey = metadata.keyNode("name");
    YamlNode nameValue = metadata.get("name");
    int keyStart = offsetOf(text, nameKey);
    String indent = text.substring(lineStart(text, keyStart), keyStart);
    requireIndent(name, nameKey, indent);
    int valueEnd = text.offsetByCodePoints(0, nameValue.raw().getEndMark().getIndex());
    int eol = nextLineStart(text, valueEnd);
    String br = lineBreak(text, valueEnd);
    String block = indent + "annotations:" + br + indent + INDENT_STEP + entry + br;
    return new Insertion(eol, eol, block);
  }

  private static void requireIndent(String name, YamlNode at, String indent)
      throws RenderException {
    if (!indent.chars().allMatch(c -> c == ' ')) {
      throw cannotEdit(name, at, "the key must start its own line, indented with spaces");
    }
  }

  /** YAML single-quoted scalar: quotes doubled, nothing else escaped. */
  static String singleQuoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static int offsetOf(String text, YamlNode node) {
    Node raw = node.raw();
    return text.offsetByCodePoints(0, raw.getStartMark().getIndex());
  }

  private static int lineStart(String text, int offset) {
    int i = offset;
    while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
      i--;
    }
    return i;
  }

  private static int nextLineStart(String text, int offset) {
    int i = offset;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '\r') {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '\n') {
      i++;
    }
    return i;
  }

  /** The line break that ends the line holding {@code offset} ({@code \n} at the end of text). */
  private static String lineBreak(String text, int offset) {
    int i = offset;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    if (i >= text.length()) {
      return "\n";
    }
    if (text.charAt(i) == '\r') {
      return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
    }
    return "\n";
  }

  private static RenderException cannotEdit(String name, YamlNode at, String why) {
    return new RenderException(
        name
            + ":"
            + at.line()
            + ":"
            + at.column()
            + ": cannot apply "
            + PropertyNames.CONTINGENCY_P95_FAILURE
            + ": "
            + why);
  }
}
