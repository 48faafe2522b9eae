package com.kitchencpq.paramkernel.plugin.validate.schema;

import com.kitchencpq.paramkernel.plugin.core.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The field types of Rollout and AnalysisTemplate, loaded from {@code argo-rollouts.schema.yaml}
 * beside this class (the file's header explains the notation). Kubernetes types inside them ({@code
 * k8s:PodTemplateSpec}) come from {@link KubernetesTypes}.
 */
public final class ArgoSchema {
  private static final ArgoSchema INSTANCE = load();

  private final Map<String, Object> definitions;
  private final Map<String, FieldType> resolved = new java.util.concurrent.ConcurrentHashMap<>();

  private ArgoSchema(Map<String, Object> definitions) {
    this.definitions = definitions;
  }

  public static ArgoSchema get() {
    return INSTANCE;
  }

  /** A named type of the schema file. */
  public FieldType type(String name) {
    FieldType t = resolved.get(name);
    if (t == null) {
      Object def = definitions.get(name);
      if (!(def instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("schema has no type " + name);
      }
      t = object(name, m);
      resolved.putIfAbsent(name, t);
      t = resolved.get(name);
    }
    return t;
  }

  private FieldType object(String name, Map<?, ?> def) {
    Set<String> required = new LinkedHashSet<>();
    for (Object k : def.keySet()) {
      String key = String.valueOf(k);
      if (key.endsWith("!")) {
        required.add(key.substring(0, key.length() - 1));
      }
    }
    java.util.function.Supplier<Map<String, FieldType>> fields =
        new java.util.function.Supplier<>() {
          private volatile Map<String, FieldType> cache;

          @Override
          public Map<String, FieldType> get() {
            Map<String, FieldType> c = cache;
            if (c == null) {
              Map<String, FieldType> out = new LinkedHashMap<>();
              for (Map.Entry<?, ?> e : def.entrySet()) {
                String key = String.valueOf(e.getKey());
                String field = key.endsWith("!") ? key.substring(0, key.length() - 1) : key;
                out.put(field, expression(field, e.getValue()));
              }
              c = Map.copyOf(out);
              cache = c;
            }
            return c;
          }
        };
    return new FieldType.ObjectType(name, fields, Set.copyOf(required));
  }

  private FieldType expression(String field, Object value) {
    if (value instanceof Map<?, ?> m) {
      return object(field, m);
    }
    String s = String.valueOf(value).trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      return new FieldType.ListOf(expression(field, s.substring(1, s.length() - 1)));
    }
    if (s.startsWith("{") && s.endsWith("}")) {
      return new FieldType.MapOf(expression(field, s.substring(1, s.length() - 1)));
    }
    if (s.startsWith("k8s:")) {
      return KubernetesTypes.named(s.substring(4));
    }
    return switch (s) {
      case "string" -> new FieldType.Scalar(FieldType.ScalarKind.STRING);
      case "int" -> new FieldType.Scalar(FieldType.ScalarKind.INT);
      case "number" -> new FieldType.Scalar(FieldType.ScalarKind.NUMBER);
      case "bool" -> new FieldType.Scalar(FieldType.ScalarKind.BOOL);
      case "intstr" -> new FieldType.Scalar(FieldType.ScalarKind.INT_OR_STRING);
      case "quantity" -> new FieldType.Scalar(FieldType.ScalarKind.QUANTITY);
      case "any" -> new FieldType.Any();
      default -> type(s);
    };
  }

  @SuppressWarnings("unchecked")
  private static ArgoSchema load() {
    try (InputStream in = ArgoSchema.class.getResourceAsStream("argo-rollouts.schema.yaml")) {
      if (in == null) {
        throw new IllegalStateException("argo-rollouts.schema.yaml is missing from the plugin jar");
      }
      Object loaded = new Yaml(YamlLimits.loaderOptions()).load(in);
      return new ArgoSchema((Map<String, Object>) loaded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
