package com.kitchencpq.paramkernel.service.kernel;

import com.kitchencpq.paramkernel.service.kernel.expr.EvalError;
import com.kitchencpq.paramkernel.service.kernel.expr.Node;
import com.kitchencpq.paramkernel.service.kernel.expr.Rounding;
import com.kitchencpq.paramkernel.service.kernel.expr.Type;
import com.kitchencpq.paramkernel.service.kernel.expr.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one request on a compiled shape: values as sent, the deltas, incremental
 * re-evaluation, then the response with changed values, the material bill and the violations.
 */
final class Evaluation {
  private final Request req;
  private final CompiledShape shape;
  private final boolean fullRecompute;
  private final int n;
  private final Values before;
  private final Values after;
  private final boolean[] dirty;

  Evaluation(Request req, CompiledShape shape, boolean fullRecompute) {
    this.req = req;
    this.shape = shape;
    this.fullRecompute = fullRecompute;
    this.n = shape.size;
    this.before = new Values(n);
    this.after = new Values(n);
    this.dirty = new boolean[n];
  }

  byte[] run() throws ApplyDeltaException {
    List<Request.Param> params = req.params;
    for (int i = 0; i < n; i++) {
      Request.Param par = params.get(i);
      switch (par.valueType) {
        case Type.NUMBER -> before.num[i] = par.num;
        case Type.STRING -> before.str[i] = par.str;
        case Type.BOOLEAN -> before.bool[i] = par.bool;
        default -> {
          // derived: computed below
        }
      }
    }
    Map<String, Integer> materialIndex = materialIndex();
    checkPartsAsSent(materialIndex);

    for (int s : shape.order) {
      evaluate(before, s, " as sent");
    }
    after.copyFrom(before);
    applyDeltas();
    for (int s : shape.order) {
      if (fullRecompute || anyDirty(shape.deps[s])) {
        evaluate(after, s, " after the deltas");
        if (!sameBits(s)) {
          dirty[s] = true;
        }
      }
    }

    JsonOut out = new JsonOut(1024);
    out.raw("{\"modelId\":").string(req.modelId);
    out.raw(",\"revision\":").number(req.revision + 1);
    writeChanged(out);
    writeBill(out, materialIndex);
    writeViolations(out);
    out.raw('}');
    return out.toBytes();
  }

  private Map<String, Integer> materialIndex() {
    List<Request.Material> materials = req.materials;
    Map<String, Integer> index = new HashMap<>(materials.size() * 2 + 2);
    for (int i = 0; i < materials.size(); i++) {
      index.put(materials.get(i).id, i);
    }
    return index;
  }

  /** Checks that need no evaluation: literal material ids and literal negative numbers. */
  private void checkPartsAsSent(Map<String, Integer> materialIndex) throws ApplyDeltaException {
    List<Request.Part> parts = req.parts;
    for (int i = 0; i < parts.size(); i++) {
      Request.Part part = parts.get(i);
      if (part.material != null && !materialIndex.containsKey(part.material)) {
        throw new ApplyDeltaException(
            ErrorKind.UNPROCESSABLE,
            "unknown-material",
            "part \"" + part.id + "\" uses unknown material \"" + part.material + "\"",
            "/model/parts/" + i + "/material");
      }
      if (part.quantityExpr == null && part.quantity < 0) {
        throw negativePart(part, i, "quantity", part.quantity);
      }
      if (part.areaExpr == null && part.area < 0) {
        throw negativePart(part, i, "area", part.area);
      }
    }
  }

  private static ApplyDeltaException negativePart(
      Request.Part part, int i, String field, double v) {
    return new ApplyDeltaException(
        ErrorKind.UNPROCESSABLE,
        "invalid-part",
        "part \"" + part.id + "\" has a negative " + field + ": " + JsonOut.formatNumber(v),
        "/model/parts/" + i + "/" + field);
  }

  private void evaluate(Values v, int s, String when) throws ApplyDeltaException {
    Node t = shape.tree[s];
    try {
      switch (shape.type[s]) {
        case Type.NUMBER -> v.num[s] = t.num(v);
        case Type.STRING -> v.str[s] = t.str(v);
        default -> v.bool[s] = t.bool(v);
      }
    } catch (EvalError e) {
      throw new ApplyDeltaException(
          ErrorKind.UNPROCESSABLE,
          e.code(),
          "parameter '" + req.params.get(s).name + "'" + when + ": " + e.getMessage(),
          ParameterReader.paramPtr(s, "expr"));
    }
  }

  private boolean anyDirty(int[] deps) {
    for (int d : deps) {
      if (dirty[d]) {
        return true;
      }
    }
    return false;
  }

  /** Bit-for-bit equality, so that even 0.0 to -0.0 propagates and a full recompute agrees. */
  private boolean sameBits(int s) {
    return switch (shape.type[s]) {
      case Type.NUMBER ->
          Double.doubleToRawLongBits(before.num[s]) == Double.doubleToRawLongBits(after.num[s]);
      case Type.STRING -> before.str[s].equals(after.str[s]);
      default -> before.bool[s] == after.bool[s];
    };
  }

  /** Equality as the contract sees it for "changed": -0.0 equals 0.0. */
  private boolean sameValue(int s) {
    return switch (shape.type[s]) {
      case Type.NUMBER -> before.num[s] == after.num[s];
      case Type.STRING -> before.str[s].equals(after.str[s]);
      default -> before.bool[s] == after.bool[s];
    };
  }

  private void applyDeltas() throws ApplyDeltaException {
    List<Request.Delta> deltas = req.deltas;
    for (int k = 0; k < deltas.size(); k++) {
      Request.Delta d = deltas.get(k);
      Integer slotBox = shape.slotOf.get(d.param);
      if (slotBox == null) {
        throw new ApplyDeltaException(
            ErrorKind.UNPROCESSABLE,
            "unknown-parameter",
            "delta " + k + " names unknown parameter '" + d.param + "'",
            "/deltas/" + k + "/param");
      }
      int s = slotBox;
      if (shape.tree[s] != null) {
        throw new ApplyDeltaException(
            ErrorKind.UNPROCESSABLE,
            "derived-parameter",
            "delta "
                + k
                + " changes '"
                + d.param
                + "', a derived parameter; only input parameters can be changed",
            "/deltas/" + k + "/param");
      }
      byte t = shape.type[s];
      if (d.op == Request.OP_SET) {
        if (d.valueType != t) {
          throw new ApplyDeltaException(
              ErrorKind.UNPROCESSABLE,
              "type-mismatch",
              "delta "
                  + k
                  + " sets '"
                  + d.param
                  + "', a "
                  + Type.name(t)
                  + " parameter, to a "
                  + Type.name(d.valueType),
              "/deltas/" + k + "/value");
        }
        switch (t) {
          case Type.NUMBER -> after.num[s] = d.num;
          case Type.STRING -> after.str[s] = d.str;
          default -> after.bool[s] = d.bool;
        }
      } else {
        String op = d.op == Request.OP_ADD ? "add" : "scale";
        if (t != Type.NUMBER) {
          throw new ApplyDeltaException(
              ErrorKind.UNPROCESSABLE,
              "type-mismatch",
              "delta "
                  + k
                  + " uses '"
                  + op
                  + "' on '"
                  + d.param
                  + "', a "
                  + Type.name(t)
                  + " parameter; add and scale need a number parameter",
              "/deltas/" + k + "/param");
        }
        if (d.valueType != Type.NUMBER) {
          throw new ApplyDeltaException(
              ErrorKind.UNPROCESSABLE,
              "type-mismatch",
              "delta "
                  + k
                  + " ('"
                  + op
                  + "') needs a number value, got a "
                  + Type.name(d.valueType),
              "/deltas/" + k + "/value");
        }
        double r = d.op == Request.OP_ADD ? after.num[s] + d.num : after.num[s] * d.num;
        if (!Double.isFinite(r)) {
          throw new ApplyDeltaException(
              ErrorKind.UNPROCESSABLE,
              "non-finite",
              "delta " + k + " makes '" + d.param + "' " + r + " (not a finite number)",
              "/deltas/" + k + "/value");
        }
        after.num[s] = r;
      }
      dirty[s] = !sameBits(s);
    }
  }

  private void writeChanged(JsonOut out) {
    out.raw(",\"changed\":{");
    boolean first = true;
    List<Request.Param> params = req.params;
    for (int i = 0; i < n; i++) {
      if (sameValue(i)) {
        continue;
      }
      if (!first) {
        out.raw(',');
      }
      first = false;
      out.string(params.get(i).name).raw(':');
      switch (shape.type[i]) {
        case Type.NUMBER -> out.number(after.num[i]);
        case Type.STRING -> out.string(after.str[i]);
        default -> out.bool(after.bool[i]);
      }
    }
    out.raw('}');
  }

  private double partValue(Node t, double literal, Request.Part part, int i, String field)
      throws ApplyDeltaException {
    double v = literal;
    if (t != null) {
      try {
        v = t.num(after);
      } catch (EvalError e) {
        throw new ApplyDeltaException(
            ErrorKind.UNPROCESSABLE,
            e.code(),
            "part \"" + part.id + "\" " + field + ": " + e.getMessage(),
            "/model/parts/" + i + "/" + field);
      }
    }
    if (v < 0) {
      throw negativePart(part, i, field, v);
    }
    return v;
  }

  private void writeBill(JsonOut out, Map<String, Integer> materialIndex)
      throws ApplyDeltaException {
    List<Request.Material> materials = req.materials;
    double[] areaSum = new double[materials.size()];
    List<Request.Part> parts = req.parts;
    for (int i = 0; i < parts.size(); i++) {
      Request.Part part = parts.get(i);
      double q = partValue(shape.partQuantity[i], part.quantity, part, i, "quantity");
      double a = partValue(shape.partArea[i], part.area, part, i, "area");
      int slot = shape.partMaterialSlot[i];
      int m;
      if (slot < 0) {
        m = materialIndex.get(part.material);
      } else {
        String id = after.str[slot];
        Integer idx = materialIndex.get(id);
        if (idx == null) {
          throw new ApplyDeltaException(
              ErrorKind.UNPROCESSABLE,
              "unknown-material",
              "part \""
                  + part.id
                  + "\": parameter '"
                  + req.params.get(slot).name
                  + "' holds \""
                  + id
                  + "\", which is not a material id",
              "/model/parts/" + i + "/materialParam");
        }
        m = idx;
      }
      double partArea = q * a;
      double sum = areaSum[m] + partArea;
      if (!Double.isFinite(sum)) {
        throw new ApplyDeltaException(
            ErrorKind.UNPROCESSABLE,
            "non-finite",
            "part \""
                + part.id
                + "\": its area (quantity x area) or the material's area sum"
                + " is not a finite number",
            "/model/parts/" + i);
      }
      areaSum[m] = sum;
    }
    out.raw(",\"materials\":[");
    double total = 0;
    for (int m = 0; m < materials.size(); m++) {
      Request.Material mat = materials.get(m);
      double area = finiteBill(Rounding.halfAwayFromZero(areaSum[m], 4), mat, m, "area");
      double rawCost = finiteBill(areaSum[m] * mat.pricePerM2, mat, m, "cost");
      double cost = finiteBill(Rounding.halfAwayFromZero(rawCost, 2), mat, m, "cost");
      total = finiteBill(total + cost, mat, m, "running total");
      if (m > 0) {
        out.raw(',');
      }
      out.raw("{\"id\":").string(mat.id);
      out.raw(",\"area\":").number(area);
      out.raw(",\"cost\":").number(cost);
      out.raw('}');
    }
    double roundedTotal = Rounding.halfAwayFromZero(total, 2);
    if (!Double.isFinite(roundedTotal)) {
      throw new ApplyDeltaException(
          ErrorKind.UNPROCESSABLE,
          "non-finite",
          "the bill total is not a finite number",
          "/model/materials");
    }
    out.raw("],\"total\":").number(roundedTotal);
  }

  private static double finiteBill(double v, Request.Material mat, int m, String what)
      throws ApplyDeltaException {
    if (!Double.isFinite(v)) {
      throw new ApplyDeltaException(
          ErrorKind.UNPROCESSABLE,
          "non-finite",
          "material \"" + mat.id + "\": the " + what + " is not a finite number",
          "/model/materials/" + m);
    }
    return v;
  }

  private void writeViolations(JsonOut out) {
    out.raw(",\"violations\":[");
    boolean first = true;
    List<Request.Param> params = req.params;
    for (int i = 0; i < n; i++) {
      Request.Param par = params.get(i);
      byte t = shape.type[i];
      if (t == Type.NUMBER) {
        double v = after.num[i];
        if (par.hasMin() && v < par.min) {
          first =
              violation(
                  out,
                  first,
                  par.name,
                  "min",
                  "'" + par.name + "' is " + fmt(v) + ", below its min " + fmt(par.min));
        }
        if (par.hasMax() && v > par.max) {
          first =
              violation(
                  out,
                  first,
                  par.name,
                  "max",
                  "'" + par.name + "' is " + fmt(v) + ", above its max " + fmt(par.max));
        }
        if (par.hasStep() && offStep(v, par)) {
          double base = par.hasMin() ? par.min : 0;
          first =
              violation(
                  out,
                  first,
                  par.name,
                  "step",
                  "'"
                      + par.name
                      + "' is "
                      + fmt(v)
                      + ", not on a step of "
                      + fmt(par.step)
                      + " from "
                      + fmt(base));
        }
      } else if (t == Type.STRING && par.options != null) {
        String v = after.str[i];
        boolean found = false;
        for (String o : par.options) {
          if (o.equals(v)) {
            found = true;
            break;
          }
        }
        if (!found) {
          first =
              violation(
                  out,
                  first,
                  par.name,
                  "options",
                  "'"
                      + par.name
                      + "' is \""
                      + v
                      + "\", which is not one of its "
                      + par.options.length
                      + " options");
        }
      }
    }
    out.raw(']');
  }

  private static String fmt(double v) {
    return JsonOut.formatNumber(v);
  }

  private static boolean violation(
      JsonOut out, boolean first, String name, String rule, String message) {
    if (!first) {
      out.raw(',');
    }
    out.raw("{\"param\":").string(name);
    out.raw(",\"rule\":").string(rule);
    out.raw(",\"message\":").string(message);
    out.raw('}');
    return false;
  }

  /**
   * The step rule: {@code (value - base) / step} must be within 1e-9 of an integer; a deviation of
   * exactly 1e-9 is still fine. A quotient too large to be finite counts as on the step.
   */
  static boolean offStep(double value, Request.Param par) {
    double base = par.hasMin() ? par.min : 0;
    double q = (value - base) / par.step;
    double deviation = Math.abs(q - Math.rint(q));
    return deviation > 1e-9;
  }
}
