package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.ArgTags;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The Prometheus metrics a canary Rollout runs, each with the values its {@code {{args.x}}} get in
 * that run, and what each label matcher of the query selects: the canary Service, another Service
 * of the Rollout, the canary's or the stable pods' pod-template hash, or something not known until
 * run time.
 *
 * <p>Arguments are merged as Argo does ({@code utils/analysis/helpers.go}, {@code MergeArgs}): the
 * template's declaration gives the default, the Rollout's analysis args win by name. A Rollout arg
 * {@code valueFrom.podTemplateHashValue: Latest} is the canary ReplicaSet's hash and {@code Stable}
 * the stable one's ({@code utils/analysis/factory.go}, {@code
 * BuildArgumentsForRolloutAnalysisRun}).
 */
final class Bindings {
  private Bindings() {}

  /** Where an arg's value comes from. */
  enum Source {
    VALUE,
    LATEST_HASH,
    STABLE_HASH,
    UNKNOWN
  }

  /** An arg of one analysis run: its source, value (for VALUE) and the node that sets it. */
  record Arg(String name, Source source, String value, YamlNode node, boolean fromRollout) {}

  /** What one label matcher selects. */
  enum Selects {
    /** the Rollout's canaryService */
    CANARY_SERVICE,
    /** another Service of the Rollout: its stableService, or a bundle Service selecting its pods */
    OTHER_SERVICE,
    /** the canary pods' hash */
    LATEST_HASH,
    /** the stable pods' hash */
    STABLE_HASH,
    /** a value only known at run time */
    UNKNOWN,
    /** anything else (a route, a code, a namespace) */
    OTHER
  }

  /**
   * One matcher with what it selects, the arg that feeds it (if any) and the Service it names (if
   * any).
   */
  record Match(
      PromQl.Selector selector,
      PromQl.Matcher matcher,
      Selects selects,
      Optional<Arg> arg,
      String service) {}

  /** A Prometheus metric as one analysis of one canary Rollout runs it. */
  record Bound(
      RolloutView rollout,
      AnalysisUse use,
      MetricConditions.Metric metric,
      Map<String, Arg> args,
      List<Match> matches) {
    /** The first arg feeding a matcher of the kinds given, for reporting where it is set. */
    Optional<Match> first(Selects s) {
      return matches.stream().filter(m -> m.selects() == s).findFirst();
    }

    boolean any(Selects s) {
      return matches.stream().anyMatch(m -> m.selects() == s);
    }
  }

  /** Every Prometheus metric run by an analysis of a canary Rollout (memoised per invocation). */
  static List<Bound> of(ValidationContext ctx) {
    return ctx.memo(Bindings.class, () -> compute(ctx));
  }

  private static List<Bound> compute(ValidationContext ctx) {
    Map<AnalysisTemplateView, List<MetricConditions.Metric>> byTemplate = new LinkedHashMap<>();
    for (MetricConditions.Metric m : MetricConditions.of(ctx)) {
      byTemplate.computeIfAbsent(m.template(), t -> new ArrayList<>()).add(m);
    }
    List<Bound> out = new ArrayList<>();
    for (RolloutView r : ctx.rollouts()) {
      if (!r.isCanary()) {
        continue;
      }
      List<Manifest> services =
          null; // worked out once per Rollout, and only when it runs a Prometheus metric
      for (AnalysisUse use : r.analyses()) {
        TemplateResolver.Resolution res =
            TemplateResolver.resolve(ctx, r.manifest(), use.templates());
        Map<String, Arg> args = null;
        for (AnalysisTemplateView t : res.templates()) {
          for (MetricConditions.Metric m : byTemplate.getOrDefault(t, List.of())) {
            if (m.isPrometheus() && m.query().isPresent()) {
              if (services == null) {
                services = rolloutServices(r, ctx);
              }
              if (args == null) {
                args = args(res.templates(), use);
              }
              out.add(new Bound(r, use, m, args, matches(m.query().get(), args, r, services)));
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** The merged args of one analysis run. */
  static Map<String, Arg> args(List<AnalysisTemplateView> templates, AnalysisUse use) {
    Map<String, Arg> out = new LinkedHashMap<>();
    for (AnalysisTemplateView t : templates) {
      for (YamlNode a : t.args()) {
        String name = a.get("name").text("");
        out.putIfAbsent(name, arg(name, a, false));
      }
    }
    for (YamlNode a : use.args()) {
      String name = a.get("name").text("");
      out.put(name, arg(name, a, true));
    }
    return out;
  }

  private static Arg arg(String name, YamlNode a, boolean fromRollout) {
    YamlNode value = a.get("value");
    if (value.isScalar() && !value.text("").contains("{{")) {
      return new Arg(name, Source.VALUE, value.text(""), value, fromRollout);
    }
    YamlNode hash = a.at("valueFrom", "podTemplateHashValue");
    if (hash.isScalar()) {
      String h = hash.text("");
      Source s =
          h.equals("Latest")
              ? Source.LATEST_HASH
              : h.equals("Stable") ? Source.STABLE_HASH : Source.UNKNOWN;
      return new Arg(name, s, "", hash, fromRollout);
    }
    return new Arg(name, Source.UNKNOWN, "", a, fromRollout);
  }

  /**
   * The Services that belong to the Rollout: the ones it names, and the bundle's Services that
   * select its pods (every selector label on the pod template).
   */
  static List<Manifest> rolloutServices(RolloutView r, ValidationContext ctx) {
    Map<String, String> labels = r.templateLabels();
    List<String> refs = r.serviceRefs().stream().map(RolloutView.ServiceRef::name).toList();
    List<Manifest> out = new ArrayList<>();
    for (Manifest m : ctx.manifests(Manifest::isService)) {
      Map<String, String> selector = m.spec().get("selector").stringMap();
      boolean named = refs.contains(m.name());
      boolean selects =
          !selector.isEmpty()
              && selector.entrySet().stream()
                  .allMatch(
                      e ->
                          e.getKey().equals("rollouts-pod-template-hash")
                              || e.getValue().equals(labels.get(e.getKey())));
      if ((named || selects) && sameNamespace(m.namespace(), r.manifest().namespace())) {
        out.add(m);
      }
    }
    return out;
  }

  static boolean sameNamespace(String a, String b) {
    return a.isEmpty() || b.isEmpty() || a.equals(b);
  }

  private static List<Match> matches(
      PromQl.Node query, Map<String, Arg> args, RolloutView r, List<Manifest> services) {
    String canary = r.canary().get("canaryService").text("");
    List<String> others = new ArrayList<>();
    String stable = r.canary().get("stableService").text("");
    if (!stable.isEmpty()) {
      others.add(stable);
    }
    for (Manifest s : services) {
      if (!s.name().equals(canary) && !others.contains(s.name())) {
        others.add(s.name());
      }
    }
    List<Match> out = new ArrayList<>();
    for (PromQl.Selector sel : PromQl.selectors(query)) {
      for (PromQl.Matcher mt : sel.matchers()) {
        out.add(classify(sel, mt, args, canary, others));
      }
    }
    return out;
  }

  private static Match classify(
      PromQl.Selector sel,
      PromQl.Matcher mt,
      Map<String, Arg> args,
      String canary,
      List<String> others) {
    List<String> tags = ArgTags.tags(mt.value());
    Optional<Arg> fed = Optional.empty();
    String value = mt.value();
    if (!tags.isEmpty()) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String tag : tags) {
        Optional<String> name = ArgTags.argName(tag);
        Arg a = name.map(args::get).orElse(null);
        if (a == null) {
          return new Match(sel, mt, Selects.UNKNOWN, Optional.empty(), "");
        }
        fed = fed.isPresent() ? fed : Optional.of(a);
        if (a.source() == Source.LATEST_HASH || a.source() == Source.STABLE_HASH) {
          boolean alone =
              tags.size() == 1
                  && mt.value().trim().startsWith("{{")
                  && mt.value().trim().endsWith("}}");
          if (!alone || !(mt.op().equals("=") || mt.op().equals("=~"))) {
            return new Match(sel, mt, Selects.UNKNOWN, Optional.of(a), "");
          }
          return new Match(
              sel,
              mt,
              a.source() == Source.LATEST_HASH ? Selects.LATEST_HASH : Selects.STABLE_HASH,
              Optional.of(a),
              "");
        }
        if (a.source() != Source.VALUE) {
          return new Match(sel, mt, Selects.UNKNOWN, Optional.of(a), "");
        }
        values.put(name.get(), a.value());
      }
      Optional<String> substituted = ArgTags.substitute(mt.value(), values);
      if (substituted.isEmpty()) {
        return new Match(sel, mt, Selects.UNKNOWN, fed, "");
      }
      value = substituted.get();
    }
    if (!(mt.op().equals("=") || mt.op().equals("=~")) || mt.label().equals("__name__")) {
      return new Match(sel, mt, Selects.OTHER, fed, "");
    }
    boolean regex = mt.op().equals("=~");
    if (regex && !compiles(value)) {
      return new Match(sel, mt, Selects.UNKNOWN, fed, "");
    }
    boolean canaryHit = !canary.isEmpty() && names(value, canary, regex);
    for (String other : others) {
      if (names(value, other, regex)) {
        return new Match(sel, mt, Selects.OTHER_SERVICE, fed, other);
      }
    }
    return canaryHit
        ? new Match(sel, mt, Selects.CANARY_SERVICE, fed, canary)
        : new Match(sel, mt, Selects.OTHER, fed, "");
  }

  /**
   * Whether a matcher value names Service {@code service}: equal, or its in-cluster DNS name
   * ({@code name.namespace.svc...}); a regex must match one of those in full.
   */
  private static boolean names(String value, String service, boolean regex) {
    if (regex) {
      return Pattern.compile(value).matcher(service).matches();
    }
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals(service) || (v.startsWith(service + ".") && v.contains(".svc"));
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
