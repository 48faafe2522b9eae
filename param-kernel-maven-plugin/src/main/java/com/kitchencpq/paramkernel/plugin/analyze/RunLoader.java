package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.analyze.Arguments.Argument;
import com.kitchencpq.paramkernel.plugin.analyze.Arguments.ValueFrom;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateRef;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlDocuments;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the AnalysisRun the Rollout would create, from YAML: which templates ({@code
 * getAnalysisTemplatesFromRefs} of {@code rollout/analysis.go}: each reference, then the templates
 * it nests, each template once), their metrics and arguments ({@code NewAnalysisRunFromTemplates},
 * {@code FlattenTemplates}, {@code MergeArgs} of {@code utils/analysis/helpers.go}), the Rollout's
 * argument values ({@code BuildArgumentsForRolloutAnalysisRun} of {@code
 * utils/analysis/factory.go}) overlaid with the user's, and each metric with its tags replaced
 * ({@code ResolveMetricArgs}) and checked ({@code ValidateMetrics}, {@code GetDryRunMetrics}).
 *
 * <p>What a Rollout cannot create a run from (a template that is missing, two templates giving an
 * argument different values, an argument without a value) is a user error naming what to change;
 * what the controller only finds when the run starts (an unresolvable tag, an invalid metric) is a
 * run in Error, as upstream.
 */
final class RunLoader {
  private static final String ARGS = PropertyNames.ANALYZE_ARGS;

  private final AnalysisRequest request;

  private RunLoader(AnalysisRequest request) {
    this.request = request;
  }

  static RunPlan load(AnalysisRequest request) throws GoalException {
    return new RunLoader(request).load();
  }

  private RunPlan load() throws GoalException {
    List<YamlDocuments.Parsed> parsed = new ArrayList<>();
    for (SourceText s : request.sources()) {
      YamlDocuments.Parsed p = YamlDocuments.parse(s.path(), s.content());
      if (!p.errors().isEmpty()) {
        YamlDocuments.SyntaxError e = p.errors().get(0);
        throw GoalException.user(s.path() + ":" + e.line() + ":" + e.column() + ": " + e.message());
      }
      parsed.add(p);
    }
    String files =
        request.sources().stream().map(SourceText::path).collect(Collectors.joining(", "));
    ValidationContext ctx = new ValidationContext(parsed, false);
    Optional<RolloutView> rollout = ctx.rollouts().stream().findFirst();
    Optional<AnalysisUse> use = rollout.flatMap(r -> r.analyses().stream().findFirst());
    Manifest from =
        rollout
            .map(RolloutView::manifest)
            .orElse(ctx.manifests().isEmpty() ? null : ctx.manifests().get(0));
    if (from == null) {
      throw GoalException.user(
          "No Kubernetes object in "
              + (files.isEmpty() ? "the input" : files)
              + "; point "
              + PropertyNames.ANALYZE_FILES
              + " at the AnalysisTemplates (and the Rollout)");
    }

    List<AnalysisTemplateView> referenced = new ArrayList<>();
    if (!request.templates().isEmpty()) {
      for (String name : request.templates()) {
        // with a Rollout, where its controller would look (its namespace); without, any namespace
        Optional<AnalysisTemplateView> found =
            rollout.isPresent()
                ? ctx.findTemplate(from, name, false).or(() -> ctx.findTemplate(from, name, true))
                : ctx.analysisTemplates().stream()
                    .filter(t -> t.name().equals(name))
                    .min(
                        java.util.Comparator.comparing(
                            t -> t.manifest().isClusterAnalysisTemplate()));
        if (found.isEmpty()) {
          throw GoalException.user(
              PropertyNames.ANALYZE_TEMPLATES
                  + " names '"
                  + name
                  + "', but "
                  + files
                  + " define no AnalysisTemplate or ClusterAnalysisTemplate of that name"
                  + (rollout.isPresent() ? " in the Rollout's namespace" : "")
                  + knownTemplates(ctx));
        }
        TemplateRef ref =
            new TemplateRef(name, found.get().manifest().isClusterAnalysisTemplate(), null);
        referenced.addAll(
            resolve(ctx, rollout.isPresent() ? from : found.get().manifest(), List.of(ref), files));
      }
    } else {
      if (use.isEmpty()) {
        throw GoalException.user(
            (rollout.isEmpty()
                    ? "No Rollout in " + files
                    : "The Rollout '" + rollout.get().name() + "' runs no analysis")
                + ", so there are no default templates; name them with "
                + PropertyNames.ANALYZE_TEMPLATES
                + knownTemplates(ctx));
      }
      referenced.addAll(resolve(ctx, from, use.get().templates(), files));
    }
    // each template once (FilterUniqueTemplates)
    List<AnalysisTemplateView> unique = new ArrayList<>();
    for (AnalysisTemplateView t : referenced) {
      if (unique.stream().noneMatch(u -> u == t)) {
        unique.add(t);
      }
    }
    // FlattenTemplates: AnalysisTemplates first, then ClusterAnalysisTemplates, each in order
    List<AnalysisTemplateView> templates = new ArrayList<>();
    unique.stream().filter(t -> t.manifest().isAnalysisTemplate()).forEach(templates::add);
    unique.stream().filter(t -> t.manifest().isClusterAnalysisTemplate()).forEach(templates::add);

    List<Object> plainMetrics = new ArrayList<>();
    List<String> metricTemplates = new ArrayList<>();
    Set<String> metricNames = new HashSet<>();
    List<List<Argument>> templateArgs = new ArrayList<>();
    Map<String, String> declaredBy = new LinkedHashMap<>();
    List<String> dryRunRules = new ArrayList<>();
    List<String> retentionRules = new ArrayList<>();
    use.ifPresent(
        u -> {
          u.node()
              .get("dryRun")
              .items()
              .forEach(d -> dryRunRules.add(d.get("metricName").text("")));
          u.node()
              .get("measurementRetention")
              .items()
              .forEach(d -> retentionRules.add(d.get("metricName").text("")));
        });
    for (AnalysisTemplateView t : templates) {
      for (YamlNode m : t.spec().get("metrics").items()) {
        String name = m.get("name").text("");
        if (!metricNames.add(name)) {
          throw GoalException.user(
              "two metrics have the same name '"
                  + name
                  + "' ("
                  + t.manifest().label()
                  + " and an earlier template); Argo Rollouts refuses to create the run");
        }
        plainMetrics.add(m.toPlain());
        metricTemplates.add(t.manifest().label());
      }
      List<Argument> args = new ArrayList<>();
      for (YamlNode a : t.args()) {
        Argument arg = argument(a);
        args.add(arg);
        declaredBy.putIfAbsent(arg.name(), t.manifest().label());
      }
      templateArgs.add(args);
      t.dryRun().forEach(d -> dryRunRules.add(d.get("metricName").text("")));
      t.measurementRetention().forEach(d -> retentionRules.add(d.get("metricName").text("")));
    }
    checkUniqueRules(dryRunRules, "Dry-Run");
    checkUniqueRules(retentionRules, "Measurement Retention");

    List<Argument> flattened;
    try {
      flattened = Arguments.flattenArgs(templateArgs);
    } catch (IllegalArgumentException e) {
      throw GoalException.user(e.getMessage() + "; Argo Rollouts refuses to create the run");
    }
    Set<String> declared =
        flattened.stream().map(Argument::name).collect(Collectors.toCollection(LinkedHashSet::new));
    List<Argument> incoming = incoming(rollout, use, declared);
    for (String name : request.args().keySet()) {
      if (!declared.contains(name)) {
        request
            .listener()
            .warning(
                "argument '"
                    + name
                    + "' from "
                    + ARGS
                    + " is not declared by the templates and is ignored, as Argo Rollouts ignores"
                    + " arguments its templates do not declare");
      }
    }
    // MergeArgs; its ResolveArgs check ("args.x was not resolved") is the last case below,
    // reported with every other argument that has no value here
    List<Argument> all = Arguments.merge(incoming, flattened);
    Set<String> fromRollout =
        incoming.stream()
            .filter(a -> a.valueFrom() != null)
            .map(Argument::name)
            .collect(Collectors.toSet());
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> secrets = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    for (Argument a : all) {
      ValueFrom vf = a.valueFrom();
      boolean fromUser = request.args().containsKey(a.name());
      String where = "argument '" + a.name() + "' (declared by " + declaredBy.get(a.name()) + ")";
      if (vf != null && vf.isSecret()) {
        if (fromUser) {
          values.put(a.name(), request.args().get(a.name()));
          secrets.add(request.args().get(a.name()));
        } else {
          missing.add(
              where
                  + " comes from the Secret '"
                  + vf.secretName()
                  + "' (key '"
                  + vf.secretKey()
                  + "'), which analyze does not read: pass the value with "
                  + ARGS
                  + " (it is masked in every output)");
        }
      } else if (a.value() != null) {
        values.put(a.name(), a.value());
      } else if (vf != null && vf.podTemplateHash() != null) {
        missing.add(
            where
                + " is the pod-template hash of the Rollout's "
                + vf.podTemplateHash().toLowerCase()
                + " ReplicaSet (valueFrom.podTemplateHashValue: "
                + vf.podTemplateHash()
                + "), which only exists in a"
                + " cluster: pass it with "
                + ARGS
                + " (the rollouts-pod-template-hash label of those pods)");
      } else if (vf != null && vf.fieldPath() != null && !fromRollout.contains(a.name())) {
        missing.add(
            where
                + " has valueFrom.fieldRef in the template, which Argo Rollouts does not resolve"
                + " there (the run would end in Error: argument \""
                + a.name()
                + "\" was not supplied): pass it with "
                + ARGS);
      } else if (vf != null && vf.fieldPath() != null) {
        missing.add(
            where
                + " comes from the field "
                + vf.fieldPath()
                + ", which "
                + (rollout.isPresent()
                    ? "the Rollout '" + rollout.get().name() + "' does not set in " + files
                    : "belongs to a Rollout, and there is none in " + files)
                + ": pass it with "
                + ARGS);
      } else {
        missing.add(
            where
                + " has no value: the template gives no default, and neither "
                + (use.isPresent() ? "the Rollout's analysis" : "a Rollout")
                + " nor "
                + ARGS
                + " passes one;"
                + " pass it with "
                + ARGS);
      }
    }
    if (!missing.isEmpty()) {
      throw GoalException.user(
          "Missing analysis argument"
              + (missing.size() == 1 ? "" : "s")
              + ": "
              + String.join("; ", missing)
              + " (e.g. -D"
              + ARGS
              + "="
              + firstName(missing, all)
              + "=<value>)");
    }

    String specError = "";
    List<MetricSpec> metrics = new ArrayList<>();
    List<Object> resolved = new ArrayList<>();
    try {
      for (Object m : plainMetrics) {
        resolved.add(Arguments.resolveMetricArgs(m, values));
      }
    } catch (IllegalArgumentException e) {
      specError = "Unable to resolve metric arguments: " + redact(e.getMessage(), secrets);
    }
    List<Object> toParse = specError.isEmpty() ? resolved : plainMetrics;
    for (int i = 0; i < toParse.size(); i++) {
      MetricSpec spec = MetricSpec.parse((Map<?, ?>) toParse.get(i), metricTemplates.get(i));
      if (spec.prometheus() != null && request.prometheusAddress().isPresent()) {
        spec =
            spec.withPrometheus(spec.prometheus().withAddress(request.prometheusAddress().get()));
      }
      metrics.add(spec);
    }
    Set<String> dryRun = Set.of();
    if (specError.isEmpty()) {
      Optional<String> invalid = MetricValidation.validateMetrics(metrics, request.release());
      if (invalid.isPresent()) {
        specError = "Analysis spec invalid: " + invalid.get();
      }
    }
    if (specError.isEmpty()) {
      try {
        dryRun = MetricValidation.dryRunMetrics(dryRunRules, metrics);
        MetricValidation.retentionMetrics(retentionRules, metrics);
      } catch (IllegalArgumentException e) {
        specError = "Analysis spec invalid: " + e.getMessage();
      }
    }

    Set<String> runnable = new LinkedHashSet<>();
    for (MetricSpec m : metrics) {
      if (!m.isPrometheus()) {
        request
            .listener()
            .notice(
                "metric '"
                    + m.name()
                    + "' of "
                    + m.template()
                    + " uses the "
                    + (m.provider().isEmpty() ? "(missing)" : m.provider())
                    + " provider: not run here (analyze runs"
                    + " Prometheus metrics only), so its outcome is left out of the verdict");
        continue;
      }
      MetricSpec.PrometheusSpec p = m.prometheus();
      if (p.oauth2() || (p.sigv4() && p.address().contains("aps-workspaces"))) {
        throw GoalException.user(
            "metric '"
                + m.name()
                + "' of "
                + m.template()
                + " authenticates to Prometheus"
                + " with "
                + (p.oauth2() ? "OAuth2" : "AWS SigV4")
                + ", which analyze does not do; point "
                + PropertyNames.PROMETHEUS_ADDRESS
                + " at a Prometheus it can query without");
      }
      if (!request.release().hasRangeQuery() && p.rangeQuery() != null) {
        request
            .listener()
            .warning(
                "metric '"
                    + m.name()
                    + "' has a rangeQuery, which Argo Rollouts "
                    + request.release()
                    + " does not know: it runs as an instant query, as that release would run it");
      }
      if (!request.release().hasConsecutiveSuccessLimit() && m.consecutiveSuccessLimit() != null) {
        request
            .listener()
            .warning(
                "metric '"
                    + m.name()
                    + "' sets consecutiveSuccessLimit, which Argo Rollouts "
                    + request.release()
                    + " does not know: it is ignored, as that release ignores it");
      }
      if (specError.isEmpty() && m.effectiveCount() == null) {
        throw GoalException.user(
            "metric '"
                + m.name()
                + "' of "
                + m.template()
                + " has an interval and no count: Argo Rollouts measures it until the rollout ends"
                + " the run (background analysis), so an analysis here would never end; give it a"
                + " count to analyze it");
      }
      runnable.add(m.name());
    }
    if (runnable.isEmpty()) {
      throw GoalException.user(
          "No Prometheus metric in "
              + templates.stream().map(t -> t.manifest().label()).collect(Collectors.joining(", "))
              + ": analyze runs Prometheus metrics only; name the templates to run"
              + " with "
              + PropertyNames.ANALYZE_TEMPLATES);
    }
    return new RunPlan(metrics, runnable, dryRun, specError, secrets);
  }

  /**
   * The templates {@code refs} name and those they nest, depth first; a missing one is a user
   * error.
   */
  private List<AnalysisTemplateView> resolve(
      ValidationContext ctx, Manifest from, List<TemplateRef> refs, String files)
      throws GoalException {
    TemplateResolver.Resolution resolution = TemplateResolver.resolve(ctx, from, refs);
    if (!resolution.missing().isEmpty()) {
      TemplateResolver.Missing m = resolution.missing().get(0);
      throw GoalException.user(
          m.ref().kind()
              + " '"
              + m.ref().name()
              + "'"
              + (m.from() == null
                  ? ", named by "
                      + (request.templates().isEmpty()
                          ? "the Rollout's analysis,"
                          : PropertyNames.ANALYZE_TEMPLATES + ",")
                  : ", nested in " + m.from().manifest().label() + ",")
              + " is not in "
              + files
              + "; add the file that defines it to "
              + PropertyNames.ANALYZE_FILES);
    }
    return resolution.templates();
  }

  private static String firstName(List<String> missing, List<Argument> all) {
    for (Argument a : all) {
      if (missing.stream().anyMatch(m -> m.startsWith("argument '" + a.name() + "'"))) {
        return a.name();
      }
    }
    return "name";
  }

  private static String redact(String s, Set<String> secrets) {
    String out = s;
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        out = out.replace(secret, "*****");
      }
    }
    return out;
  }

  private static void checkUniqueRules(List<String> rules, String what) throws GoalException {
    Set<String> seen = new HashSet<>();
    for (String r : rules) {
      if (!seen.add(r)) {
        throw GoalException.user(
            "two "
                + what
                + " metric rules have the same name '"
                + r
                + "'; Argo Rollouts refuses to create the run");
      }
    }
  }

  private static String knownTemplates(ValidationContext ctx) {
    List<String> names = ctx.analysisTemplates().stream().map(t -> t.manifest().label()).toList();
    return names.isEmpty()
        ? " (they define none)"
        : " (they define " + String.join(", ", names) + ")";
  }

  /** A declared argument: {@code name}, optional {@code value}, optional {@code valueFrom}. */
  private static Argument argument(YamlNode a) {
    YamlNode value = a.get("value");
    return new Argument(
        a.get("name").text(""),
        value.isScalar() ? value.text("") : null,
        valueFrom(a.get("valueFrom")));
  }

  private static ValueFrom valueFrom(YamlNode vf) {
    if (vf.isAbsent()) {
      return null;
    }
    YamlNode secret = vf.get("secretKeyRef");
    if (secret.isPresent()) {
      return new ValueFrom(secret.get("name").text(""), secret.get("key").text(""), null, null);
    }
    YamlNode field = vf.at("fieldRef", "fieldPath");
    if (field.isPresent()) {
      return new ValueFrom(null, null, field.text(""), null);
    }
    YamlNode hash = vf.get("podTemplateHashValue");
    if (hash.isPresent()) {
      return new ValueFrom(null, null, null, hash.text(""));
    }
    return new ValueFrom(null, null, null, null);
  }

  /**
   * The arguments the run receives: the Rollout analysis's arguments as {@code
   * BuildArgumentsForRolloutAnalysisRun} computes them, with the user's values replacing or adding
   * to them. A value only a cluster knows (a pod-template hash, a field the YAML does not set)
   * stays a source without a value, so that it is reported when a template needs it.
   */
  private List<Argument> incoming(
      Optional<RolloutView> rollout, Optional<AnalysisUse> use, Set<String> declared)
      throws GoalException {
    Map<String, Argument> out = new LinkedHashMap<>();
    if (use.isPresent()) {
      for (YamlNode a : use.get().args()) {
        String name = a.get("name").text("");
        YamlNode vf = a.get("valueFrom");
        String value = a.get("value").text("");
        Argument arg = new Argument(name, value, null);
        if (vf.isPresent()) {
          if (vf.get("podTemplateHashValue").isPresent()) {
            arg =
                new Argument(
                    name,
                    null,
                    new ValueFrom(null, null, null, vf.get("podTemplateHashValue").text("")));
          } else if (vf.get("fieldRef").isPresent()) {
            String path = vf.at("fieldRef", "fieldPath").text("");
            Optional<String> v =
                fieldValue(
                    rollout.get(),
                    path,
                    declared.contains(name) && !request.args().containsKey(name));
            arg =
                v.map(s -> new Argument(name, s, null))
                    .orElse(new Argument(name, null, new ValueFrom(null, null, path, null)));
          }
        }
        out.put(name, arg);
      }
    }
    request.args().forEach((name, value) -> out.put(name, new Argument(name, value, null)));
    return new ArrayList<>(out.values());
  }

  private static final Pattern SECTIONS = Pattern.compile("[.\\[\\]]+");

  /**
   * The value of a Rollout field an argument refers to: {@code metadata.*} as Kubernetes' {@code
   * fieldpath.ExtractFieldPathAsString} gives it (name, namespace, labels and annotations, whole or
   * one key), any other path as {@code extractValueFromRollout} of {@code
   * utils/analysis/factory.go} does (the YAML as written, a number printed as Go's {@code %v} of a
   * float64). Empty when the YAML does not say (a namespace left to {@code kubectl apply -n}, the
   * uid).
   *
   * @param needed whether a template uses the argument (a path Argo would reject is only an error
   *     then)
   */
  private static Optional<String> fieldValue(RolloutView rollout, String path, boolean needed)
      throws GoalException {
    YamlNode meta = rollout.manifest().root().get("metadata");
    if (path.startsWith("metadata")) {
      if (path.endsWith("']") && path.contains("['")) {
        String base = path.substring(0, path.indexOf("['"));
        String key = path.substring(path.indexOf("['") + 2, path.length() - 2);
        if (base.equals("metadata.labels") || base.equals("metadata.annotations")) {
          YamlNode map = meta.get(base.substring("metadata.".length()));
          return Optional.of(map.get(key).text(""));
        }
        if (needed) {
          throw GoalException.user(
              "fieldPath \""
                  + path
                  + "\" does not support subscript (the Rollout's analysis"
                  + " argument); Argo Rollouts refuses it");
        }
        return Optional.of("");
      }
      switch (path) {
        case "metadata.name":
          return Optional.of(rollout.name());
        case "metadata.namespace":
          return rollout.manifest().namespace().isEmpty()
              ? Optional.empty()
              : Optional.of(rollout.manifest().namespace());
        case "metadata.labels":
        case "metadata.annotations":
          {
            Map<String, String> sorted =
                new TreeMap<>(meta.get(path.substring("metadata.".length())).stringMap());
            return Optional.of(
                sorted.entrySet().stream()
                    .map(e -> e.getKey() + "=" + GoText.quote(e.getValue()))
                    .collect(Collectors.joining("\n")));
          }
        case "metadata.uid":
          return Optional.empty();
        default:
          if (needed) {
            throw GoalException.user(
                "unsupported fieldPath: "
                    + path
                    + " (the Rollout's analysis argument);"
                    + " Argo Rollouts refuses it");
          }
          return Optional.of("");
      }
    }
    Object m = rollout.manifest().root().toPlain();
    for (String section : SECTIONS.split(path)) {
      if (section.isEmpty()) {
        continue;
      }
      if (m instanceof List<?> list) {
        int i;
        try {
          i = Integer.parseInt(section);
        } catch (NumberFormatException e) {
          return invalid(needed, "invalid index '" + section + "'");
        }
        if (i >= list.size()) {
          return invalid(needed, "index " + i + " out of range");
        }
        m = list.get(i);
      } else if (m instanceof Map<?, ?> map) {
        m = map.get(section);
      } else {
        return invalid(needed, "invalid path " + path + " in rollout");
      }
    }
    if (m == null) {
      return invalid(needed, "invalid path " + path + " in rollout");
    }
    if (m instanceof List || m instanceof Map) {
      return invalid(needed, "path " + path + " in rollout must terminate in a primitive value");
    }
    if (m instanceof Long l) {
      return Optional.of(GoText.formatV(l.doubleValue()));
    }
    if (m instanceof Double d) {
      return Optional.of(GoText.formatV(d));
    }
    return Optional.of(String.valueOf(m));
  }

  private static Optional<String> invalid(boolean needed, String message) throws GoalException {
    if (needed) {
      throw GoalException.user(
          message + " (the Rollout's analysis argument); Argo Rollouts refuses to create the run");
    }
    return Optional.of("");
  }
}
