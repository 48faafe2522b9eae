package com.kitchencpq.paramkernel.service.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache of compiled shapes, keyed by the full shape key (so a hit is
 * always a real match, never a hash collision). Guarded by one lock: the critical sections are a
 * map lookup or insert.
 */
final class ShapeCache {
  private final int capacity;
  private final LinkedHashMap<ShapeKey, CompiledShape> map;
  private long hits;
  private long misses;

  ShapeCache(int capacity) {
    this.capacity = capacity;
    this.map =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<ShapeKey, CompiledShape> eldest) {
            return size() > ShapeCache.this.capacity;
          }
        };
  }

  synchronized CompiledShape get(ShapeKey key) {
    CompiledShape s = map.get(key);
    if (s == null) {
      misses++;
    } else {
      hits++;
    }
    return s;
  }

  synchronized void put(ShapeKey key, CompiledShape shape) {
    if (capacity > 0) {
      map.put(key.compact(), shape);
    }
  }

  synchronized int size() {
    return map.size();
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }
}
