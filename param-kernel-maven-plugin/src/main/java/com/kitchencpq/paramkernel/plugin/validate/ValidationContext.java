package com.kitchencpq.paramkernel.plugin.validate;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlDocuments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a rule sees: every document of the invocation, the syntax errors of the files, the options,
 * and reference lookups that prefer a definition in the referring file.
 */
public final class ValidationContext {
  private final List<Manifest> manifests;
  private final List<YamlDocuments.Parsed> files;
  private final boolean planChecks;
  private final ArgoVersion argoVersion;
  private final Map<Manifest, RolloutView> rollouts = new LinkedHashMap<>();
  private final Map<Manifest, AnalysisTemplateView> templates = new LinkedHashMap<>();
  private final Map<Object, Object> memo = new java.util.HashMap<>();

  /** A context for the default Argo Rollouts version. */
  public ValidationContext(List<YamlDocuments.Parsed> files, boolean planChecks) {
    this(files, planChecks, ArgoVersion.DEFAULT);
  }

  public ValidationContext(
      List<YamlDocuments.Parsed> files, boolean planChecks, ArgoVersion argoVersion) {
    this.files = List.copyOf(files);
    this.planChecks = planChecks;
    this.argoVersion = argoVersion;
    List<Manifest> all = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      YamlDocuments.Parsed parsed = files.get(f);
      for (YamlDocuments.Document d : parsed.documents()) {
        all.add(Manifest.of(parsed.file(), f, d.index(), d.root()));
      }
    }
    this.manifests = List.copyOf(all);
    for (Manifest m : manifests) {
      if (m.isRollout() && m.root().isMapping()) {
        rollouts.put(m, new RolloutView(m));
      } else if (m.isAnyAnalysisTemplate() && m.root().isMapping()) {
        templates.put(m, new AnalysisTemplateView(m));
      }
    }
  }

  /** Whether the param-kernel plan checks are on (hazards are then errors). */
  public boolean planChecks() {
    return planChecks;
  }

  /** The Argo Rollouts release whose fields and expression engine the checks follow. */
  public ArgoVersion argoVersion() {
    return argoVersion;
  }

  /** Every document, in file order and then document order. */
  public List<Manifest> manifests() {
    return manifests;
  }

  /** The parsed files, with their syntax errors. */
  public List<YamlDocuments.Parsed> files() {
    return files;
  }

  public List<Manifest> manifests(Predicate<Manifest> filter) {
    return manifests.stream().filter(filter).toList();
  }

  /** Every Rollout of the invocation, as a typed view. */
  public List<RolloutView> rollouts() {
    return List.copyOf(rollouts.values());
  }

  /** Every AnalysisTemplate and ClusterAnalysisTemplate, as typed views. */
  public List<AnalysisTemplateView> analysisTemplates() {
    return List.copyOf(templates.values());
  }

  /** The typed view of a template manifest. */
  public AnalysisTemplateView template(Manifest m) {
    return templates.get(m);
  }

  /**
   * Finds the definition a reference from {@code from} means: same file first, then the other files
   * in invocation order. Namespaces match when equal or when either side leaves it unset (then the
   * object goes to whatever namespace it is applied to). Cluster-scoped kinds ignore the namespace.
   * Objects other than analysis templates are only looked up in the referring file when the
   * referring object is {@linkplain #ambiguous ambiguous}.
   */
  public Optional<Manifest> find(Manifest from, String group, String kind, String name) {
    boolean clusterScoped = kind.startsWith("Cluster");
    // Analysis templates are shared by many rollouts; Services, Ingresses and routes belong to
    // one rollout. When the referring object is defined differently in another file, the
    // files are separate bundles and its own objects are the ones in its own file.
    boolean shared = kind.equals("AnalysisTemplate") || kind.equals("ClusterAnalysisTemplate");
    boolean ownFileOnly = !shared && ambiguous(from);
    Predicate<Manifest> matches =
        m ->
            m.is(group, kind)
                && m.name().equals(name)
                && (clusterScoped || sameNamespace(from.namespace(), m.namespace()))
                && (!ownFileOnly || m.file().equals(from.file()));
    return manifests.stream()
        .filter(matches)
        .min(
            Comparator.comparingInt((Manifest m) -> m.file().equals(from.file()) ? 0 : 1)
                .thenComparingInt(Manifest::fileIndex)
                .thenComparingInt(Manifest::index));
  }

  /**
   * Whether another file defines an object of the same kind, namespace and name differently. The
   * files are then separate bundles (say, test cases applied one at a time), and the object's
   * references resolve only inside its own file.
   */
  public boolean ambiguous(Manifest m) {
    return memo(
        List.of("ambiguous", m),
        () -> {
          if (m.name().isEmpty()) {
            return false;
          }
          Object content = null;
          for (Manifest other : manifests) {
            if (other != m
                && !other.file().equals(m.file())
                && other.is(m.group(), m.kind())
                && other.name().equals(m.name())
                && other.namespace().equals(m.namespace())) {
              if (content == null) {
                content = content(m);
              }
              if (!content.equals(content(other))) {
                return true;
              }
            }
          }
          return false;
        });
  }

  /** The document as plain Java values (maps, lists, scalars), computed once, for comparisons. */
  public Object content(Manifest m) {
    return memo(
        List.of("content", m),
        () -> {
          Object plain = m.root().toPlain();
          return plain == null ? "" : plain;
        });
  }

  /** A referenced AnalysisTemplate (or ClusterAnalysisTemplate when {@code clusterScope}). */
  public Optional<AnalysisTemplateView> findTemplate(
      Manifest from, String name, boolean clusterScope) {
    return find(
            from,
            "argoproj.io",
            clusterScope ? "ClusterAnalysisTemplate" : "AnalysisTemplate",
            name)
        .map(templates::get);
  }

  /** A core v1 Service. */
  public Optional<Manifest> findService(Manifest from, String name) {
    return find(from, "", "Service", name);
  }

  /**
   * A value computed once per invocation and shared by several rules (e.g. the schema walk that
   * three rules report from).
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
    Object v = memo.get(key);
    if (v == null) {
      v = compute.get();
      memo.put(key, v);
    }
    return (T) v;
  }

  static boolean sameNamespace(String a, String b) {
    return a.isEmpty() || b.isEmpty() || a.equals(b);
  }
}
