package com.kitchencpq.paramkernel.service.kernel;

import com.kitchencpq.paramkernel.service.kernel.expr.Node;
import java.util.Map;

/**
 * A compiled model shape: everything that depends only on parameter names, input types, expression
 * texts and part structure, never on values. Immutable once built and shared between threads
 * through the cache.
 */
final class CompiledShape {
  final int size;
  final Map<String, Integer> slotOf;

  /** Type of every slot; never UNKNOWN in a shape that compiled without errors. */
  final byte[] type;

  /** Expression tree of every derived slot, null for inputs. */
  final Node[] tree;

  /** Derived slots in dependency order (everything a slot reads comes before it). */
  final int[] order;

  /** For every derived slot, the distinct slots its expression names. */
  final int[][] deps;

  /** Per part: compiled quantity / area expressions (null when the part gives a literal). */
  final Node[] partQuantity;

  final Node[] partArea;

  /** Per part: slot of its materialParam, or -1 when it names a material directly. */
  final int[] partMaterialSlot;

  CompiledShape(
      int size,
      Map<String, Integer> slotOf,
      byte[] type,
      Node[] tree,
      int[] order,
      int[][] deps,
      Node[] partQuantity,
      Node[] partArea,
      int[] partMaterialSlot) {
    this.size = size;
    this.slotOf = slotOf;
    this.type = type;
    this.tree = tree;
    this.order = order;
    this.deps = deps;
    this.partQuantity = partQuantity;
    this.partArea = partArea;
    this.partMaterialSlot = partMaterialSlot;
  }
}
