package com.kitchencpq.paramkernel.plugin.validate.schema;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field types of Kubernetes core objects, read from fabric8's typed model through Jackson's
 * bean introspection (the same property names fabric8 binds JSON with). fabric8 keeps unknown
 * fields in an "additional properties" map instead of failing, so unknown fields are found by
 * walking the YAML against these property lists rather than by binding.
 */
public final class KubernetesTypes {
  private static final ObjectMapper MAPPER = new ObjectMapper();
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
    FieldType.ObjectType type = new FieldType.ObjectType(cls.getSimpleName(), new Lazy(cls), Set.of());
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

  private static Map<String, FieldType> introspect(Class<?> cls) {
    JavaType javaType = MAPPER.constructType(cls);
    BeanDescription description = MAPPER.getDeserializationConfig().introspect(javaType);
    Map<String, FieldType> out = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : description.findProperties()) {
      if (p.getName().equals("additionalProperties") || !(p.hasField() || p.hasSetter())) {
        continue;
      }
      out.put(p.getName(), typeOf(p.getPrimaryType()));
    }
    return Map.copyOf(out);
  }

  static FieldType typeOf(JavaType t) {
    Class<?> raw = t.getRawClass();
    if (raw == String.class) {
      return new FieldType.Scalar(FieldType.ScalarKind.STRING);
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
        || raw == Short.class || raw == short.class) {
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
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      return new FieldType.ListOf(typeOf(t.getContentType()));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return new FieldType.MapOf(typeOf(t.getContentType()));
    }
    if (raw.getName().startsWith(MODEL_PACKAGE) && !raw.isEnum() && !raw.isInterface()
        && !raw.getSimpleName().equals("AnyType")) {
      return of(raw);
    }
    return new FieldType.Any();
  }
}
