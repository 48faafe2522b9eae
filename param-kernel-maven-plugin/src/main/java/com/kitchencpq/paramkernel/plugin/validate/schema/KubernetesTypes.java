package com.kitchencpq.paramkernel.plugin.validate.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field types of Kubernetes core objects, read from fabric8's typed model through Jackson's
 * property annotations (the same property names fabric8 binds JSON with). fabric8 keeps unknown
 * fields in an "additional properties" map instead of failing, so unknown fields are found by
 * walking the YAML against these property lists rather than by binding.
 */
public final class KubernetesTypes {
  private static final Map<Class<?>, FieldType.ObjectType> CACHE = new ConcurrentHashMap<>();
  private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model.";

  private KubernetesTypes() {}

  /** The object type of a class of {@code io.fabric8.kubernetes.api.model}, by simple name. */
  public static FieldType.ObjectType named(String simpleName) {
    try {
      return of(Class.forName(MODEL_PACKAGE + simpleName));
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no fabric8 model class " + simpleName, e);
    }
  }

  public static FieldType.ObjectType of(Class<?> cls) {
    FieldType.ObjectType cached = CACHE.get(cls);
    if (cached != null) {
      return cached;
    }
    FieldType.ObjectType type =
        new FieldType.ObjectType(cls.getSimpleName(), new Lazy(cls), Set.of());
    CACHE.putIfAbsent(cls, type);
    return CACHE.get(cls);
  }

  private static final class Lazy implements java.util.function.Supplier<Map<String, FieldType>> {
    private final Class<?> cls;
    private volatile Map<String, FieldType> fields;

    Lazy(Class<?> cls) {
      this.cls = cls;
    }

    @Override
    public Map<String, FieldType> get() {
      Map<String, FieldType> f = fields;
      if (f == null) {
        f = introspect(cls);
        fields = f;
      }
      return f;
    }
  }

  /**
   * The JSON properties of a fabric8 model class: its fields annotated with {@code @JsonProperty}
   * (fabric8 generates one per API field), with their generic types. Plain reflection is much
   * cheaper than Jackson's full bean introspection.
   */
  private static Map<String, FieldType> introspect(Class<?> cls) {
    Map<String, FieldType> out = new LinkedHashMap<>();
    for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        JsonProperty p = f.getAnnotation(JsonProperty.class);
        if (p == null || Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        String name = p.value().isEmpty() ? f.getName() : p.value();
        out.putIfAbsent(name, typeOf(f.getGenericType()));
      }
    }
    return Map.copyOf(out);
  }

  static FieldType typeOf(Type t) {
    Class<?> raw;
    Type[] args = new Type[0];
    if (t instanceof Class<?> c) {
      raw = c;
    } else if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      raw = c;
      args = p.getActualTypeArguments();
    } else {
      return new FieldType.Any();
    }
    if (raw == String.class) {
      return new FieldType.Scalar(FieldType.ScalarKind.STRING);
    }
    if (raw == Integer.class
        || raw == int.class
        || raw == Long.class
        || raw == long.class
        || raw == Short.class
        || raw == short.class) {
      return new FieldType.Scalar(FieldType.ScalarKind.INT);
    }
    if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
      return new FieldType.Scalar(FieldType.ScalarKind.NUMBER);
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return new FieldType.Scalar(FieldType.ScalarKind.BOOL);
    }
    if (raw == IntOrString.class) {
      return new FieldType.Scalar(FieldType.ScalarKind.INT_OR_STRING);
    }
    if (raw == Quantity.class) {
      return new FieldType.Scalar(FieldType.ScalarKind.QUANTITY);
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return new FieldType.ListOf(args.length == 1 ? typeOf(args[0]) : new FieldType.Any());
    }
    if (raw.isArray()) {
      return new FieldType.ListOf(typeOf(raw.getComponentType()));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return new FieldType.MapOf(args.length == 2 ? typeOf(args[1]) : new FieldType.Any());
    }
    if (raw.getName().startsWith("io.fabric8.kubernetes.api.model")
        && !raw.isEnum()
        && !raw.isInterface()
        && !raw.getSimpleName().equals("AnyType")) {
      return of(raw);
    }
    return new FieldType.Any();
  }
}
