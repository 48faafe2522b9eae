package com.kitchencpq.paramkernel.service.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A request as read from JSON and checked for its structure (everything that is BAD_REQUEST). Holds
 * plain values only; compiling and evaluating happen elsewhere.
 */
final class Request {
  String modelId;
  long revision;
  final List<Param> params = new ArrayList<>(256);
  final List<Material> materials = new ArrayList<>(8);
  final List<Part> parts = new ArrayList<>(64);
  final List<Delta> deltas = new ArrayList<>(8);

  /**
   * Everything the compiled shape depends on (names in order, input types, expression texts, part
   * structure), length-prefixed so that two different shapes never give the same key.
   */
  final ShapeKey shapeKey = new ShapeKey(512);

  static final class Param {
    String name;

    /** Type of an input parameter's value; {@code Type.UNKNOWN} (0) for a derived one. */
    byte valueType;

    double num;
    String str;
    boolean bool;
    String expr;
    double min = Double.NaN;
    double max = Double.NaN;
    double step = Double.NaN;
    String[] options;

    boolean hasMin() {
      return !Double.isNaN(min);
    }

    boolean hasMax() {
      return !Double.isNaN(max);
    }

    boolean hasStep() {
      return !Double.isNaN(step);
    }
  }

  static final class Material {
    String id;
    double pricePerM2;
  }

  static final class Part {
    String id;
    String material;
    String materialParam;

    /** Expression text, or null when the quantity is the literal {@link #quantity}. */
    String quantityExpr;

    double quantity = 1;
    String areaExpr;
    double area;
  }

  static final byte OP_SET = 1;
  static final byte OP_ADD = 2;
  static final byte OP_SCALE = 3;

  static final class Delta {
    byte op;
    String param;
    byte valueType;
    double num;
    String str;
    boolean bool;
  }
}
