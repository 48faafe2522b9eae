package com.kitchencpq.paramkernel.plugin.validate.schema;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.TemplateTags;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Walks Rollouts, AnalysisTemplates, ClusterAnalysisTemplates and core v1 Services against their
 * field types, the way strict decoding does: unknown fields, wrong scalar types, missing required
 * fields, and Kubernetes quantity syntax.
 */
public final class SchemaCheck {
  /** What kind of problem. */
  public enum Problem {
    UNKNOWN_FIELD,
    WRONG_TYPE,
    REQUIRED,
    QUANTITY
  }

  /** One problem at one node. */
  public record Issue(Problem problem, YamlNode at, String message) {}

  private static final Pattern QUANTITY =
      Pattern.compile(
          "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?");

  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

  private final List<Issue> issues = new ArrayList<>();
  private final ArgoVersion version;

  /** {@code Rollout} or {@code AnalysisTemplate} while walking an Argo document; null otherwise. */
  private String crdKind;

  private SchemaCheck(ArgoVersion version) {
    this.version = version;
  }

  /** The issues of all documents of the invocation, computed once. */
  public static List<Issue> of(ValidationContext ctx) {
    return ctx.memo(
        SchemaCheck.class,
        () -> {
          SchemaCheck check = new SchemaCheck(ctx.argoVersion());
          for (Manifest m : ctx.manifests()) {
            check.crdKind =
                m.isRollout() ? "Rollout" : m.isAnyAnalysisTemplate() ? "AnalysisTemplate" : null;
            rootType(m).ifPresent(t -> check.walk(t, m.root(), m.kind()));
          }
          return List.copyOf(check.issues);
        });
  }

  /** The type a document is checked against, if it is one of the kinds checked strictly. */
  public static Optional<FieldType> rootType(Manifest m) {
    if (m.isRollout()) {
      return Optional.of(ArgoSchema.get().type("Rollout"));
    }
    if (m.isAnyAnalysisTemplate()) {
      return Optional.of(ArgoSchema.get().type("AnalysisTemplate"));
    }
    if (m.isService()) {
      return Optional.of(KubernetesTypes.named("Service"));
    }
    return Optional.empty();
  }

  private void walk(FieldType type, YamlNode n, String owner) {
    if (n.isAbsent() || type instanceof FieldType.Any) {
      return;
    }
    String field = fieldName(n, owner);
    if (type instanceof FieldType.Scalar s) {
      scalar(s.kind(), n, field);
    } else if (type instanceof FieldType.ListOf l) {
      if (!n.isSequence()) {
        wrong(n, field, "a list");
        return;
      }
      for (YamlNode item : n.items()) {
        walk(l.item(), item, field);
      }
    } else if (type instanceof FieldType.MapOf m) {
      if (!n.isMapping()) {
        wrong(n, field, "an object (a mapping of names to values)");
        return;
      }
      for (YamlNode.Entry e : n.entries()) {
        walk(m.value(), e.value(), e.key());
      }
    } else if (type instanceof FieldType.ObjectType o) {
      if (!n.isMapping()) {
        wrong(n, field, "an object");
        return;
      }
      Map<String, FieldType> fields = o.fieldMap();
      for (YamlNode.Entry e : n.entries()) {
        FieldType ft = fields.get(e.key());
        Optional<ArgoVersion> addedIn =
            crdKind == null || !ArgoVersion.mayBeAdded(e.key())
                ? Optional.empty()
                : ArgoVersion.addedIn(
                    crdKind + "." + INDEX.matcher(e.keyNode().path()).replaceAll("[]"));
        if (ft == null) {
          issues.add(
              new Issue(Problem.UNKNOWN_FIELD, e.keyNode(), unknown(e.key(), field, fields)));
        } else if (addedIn.isPresent() && addedIn.get().compareTo(version) > 0) {
          issues.add(
              new Issue(
                  Problem.UNKNOWN_FIELD,
                  e.keyNode(),
                  "'"
                      + e.key()
                      + "' is not a field of '"
                      + (field.isEmpty() ? o.name() : field)
                      + "' in "
                      + version.label()
                      + ": it was added in "
                      + addedIn.get().version()
                      + "; remove it, or set "
                      + PropertyNames.VALIDATE_ARGO_VERSION
                      + " to "
                      + addedIn.get().version()
                      + " or later if the cluster runs that version"));
        } else {
          walk(ft, e.value(), e.key());
        }
      }
      for (String r : o.required()) {
        if (n.get(r).isAbsent()) {
          issues.add(
              new Issue(
                  Problem.REQUIRED,
                  n.get(r),
                  "'"
                      + r
                      + "' is required in '"
                      + (field.isEmpty() ? o.name() : field)
                      + "'; add it"));
        }
      }
    }
  }

  private void scalar(FieldType.ScalarKind kind, YamlNode n, String field) {
    if (!n.isScalar()) {
      // An unquoted {{...}} is reported by its own rule (yaml.unquoted-template).
      if (TemplateTags.unquoted(n).isEmpty()) {
        wrong(n, field, expected(kind));
      }
      return;
    }
    YamlNode.ScalarType st = n.scalarType();
    boolean integral =
        st == YamlNode.ScalarType.INT || (st == YamlNode.ScalarType.FLOAT && isIntegral(n.text()));
    boolean ok =
        switch (kind) {
          case STRING -> st == YamlNode.ScalarType.STRING || st == YamlNode.ScalarType.OTHER;
          case INT -> integral;
          case NUMBER -> st == YamlNode.ScalarType.INT || st == YamlNode.ScalarType.FLOAT;
          case BOOL -> st == YamlNode.ScalarType.BOOL;
          case INT_OR_STRING ->
              integral || st == YamlNode.ScalarType.STRING || st == YamlNode.ScalarType.OTHER;
          case QUANTITY -> st != YamlNode.ScalarType.BOOL;
        };
    if (!ok) {
      String hint =
          switch (kind) {
            case STRING -> "; put the value in quotes";
            case INT, NUMBER ->
                st == YamlNode.ScalarType.STRING ? "; write the number without quotes" : "";
            case BOOL ->
                st == YamlNode.ScalarType.STRING ? "; write true or false without quotes" : "";
            default -> "";
          };
      issues.add(
          new Issue(
              Problem.WRONG_TYPE,
              n,
              "'" + field + "' must be " + expected(kind) + ", not " + n.describe() + hint));
      return;
    }
    if (kind == FieldType.ScalarKind.QUANTITY && !QUANTITY.matcher(n.text().trim()).matches()) {
      issues.add(
          new Issue(
              Problem.QUANTITY,
              n,
              "'"
                  + field
                  + "' is not a Kubernetes quantity: \""
                  + n.text()
                  + "\"; write a number with an optional suffix such as 250m, 0.5, 128Mi or 1Gi"));
    }
  }

  private static boolean isIntegral(String text) {
    try {
      double d = Double.parseDouble(text);
      return d == Math.rint(d) && !Double.isInfinite(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void wrong(YamlNode n, String field, String expected) {
    issues.add(
        new Issue(
            Problem.WRONG_TYPE,
            n,
            "'" + field + "' must be " + expected + ", not " + n.describe()));
  }

  private static String expected(FieldType.ScalarKind kind) {
    return switch (kind) {
      case STRING -> "a string";
      case INT -> "an integer";
      case NUMBER -> "a number";
      case BOOL -> "true or false";
      case INT_OR_STRING -> "an integer or a string";
      case QUANTITY -> "a quantity (such as 250m or 128Mi)";
    };
  }

  private static String fieldName(YamlNode n, String fallback) {
    String p = n.path();
    if (p.isEmpty()) {
      return fallback;
    }
    int dot = p.lastIndexOf('.');
    return dot < 0 ? p : p.substring(dot + 1);
  }

  private static String unknown(String key, String owner, Map<String, FieldType> fields) {
    StringBuilder sb = new StringBuilder("unknown field '").append(key).append("'");
    if (!owner.isEmpty()) {
      sb.append(" in '").append(owner).append("'");
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String f : fields.keySet()) {
      int d = f.equalsIgnoreCase(key) ? 0 : distance(f, key);
      if (d < bestDistance) {
        bestDistance = d;
        best = f;
      }
    }
    if (best != null && bestDistance <= Math.max(1, Math.min(3, key.length() / 3))) {
      sb.append("; did you mean '").append(best).append("'?");
    } else {
      sb.append("; remove it or move it to the object it belongs to");
    }
    return sb.toString();
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
