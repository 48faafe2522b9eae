package com.kitchencpq.paramkernel.service.kernel;

import com.kitchencpq.paramkernel.service.kernel.expr.ExprError;
import com.kitchencpq.paramkernel.service.kernel.expr.ExprParser;
import com.kitchencpq.paramkernel.service.kernel.expr.Node;
import com.kitchencpq.paramkernel.service.kernel.expr.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles the shape of a request's model: slots for names, expression trees, name resolution,
 * cycle detection, dependency order and static types. Duplicate names are BAD_REQUEST and thrown at
 * once. The UNPROCESSABLE problems (syntax, unknown reference, cycle, type mismatch, materialParam)
 * are collected: the first one is kept and compiling goes on, so that the types of the other
 * parameters are still known for the BAD_REQUEST checks that must win over any UNPROCESSABLE.
 */
final class ShapeCompiler {
  /**
   * The compiled shape (types filled in as far as possible) and the first UNPROCESSABLE, if any.
   */
  record Result(CompiledShape shape, ApplyDeltaException firstError) {}

  private final Request req;
  private ApplyDeltaException firstError;

  private ShapeCompiler(Request req) {
    this.req = req;
  }

  static Result compile(Request req) throws ApplyDeltaException {
    return new ShapeCompiler(req).run();
  }

  /** The name rules (BAD_REQUEST): the pattern of the contract, and no keyword as a name. */
  private static void checkName(String name, int i) throws ApplyDeltaException {
    String ptr = ParameterReader.paramPtr(i, "name");
    if (!ExprParser.isValidName(name)) {
      throw new ApplyDeltaException(
          ErrorKind.BAD_REQUEST,
          "invalid-request",
          ptr
              + " \""
              + name
              + "\" does not match the name pattern"
              + " [A-Za-z_][A-Za-z0-9_]*(.[A-Za-z_][A-Za-z0-9_]*)*",
          ptr);
    }
    if (name.equals("true") || name.equals("false")) {
      throw new ApplyDeltaException(
          ErrorKind.BAD_REQUEST,
          "invalid-request",
          ptr + " \"" + name + "\" is a keyword and cannot name a parameter",
          ptr);
    }
  }

  private void fail(String code, String message, String pointer) {
    if (firstError == null) {
      firstError = new ApplyDeltaException(ErrorKind.UNPROCESSABLE, code, message, pointer);
    }
  }

  private Result run() throws ApplyDeltaException {
    List<Request.Param> params = req.params;
    int n = params.size();
    Map<String, Integer> slotOf = new HashMap<>(n * 2);
    byte[] type = new byte[n];
    for (int i = 0; i < n; i++) {
      checkName(params.get(i).name, i);
    }
    for (int i = 0; i < n; i++) {
      Request.Param par = params.get(i);
      Integer prev = slotOf.putIfAbsent(par.name, i);
      if (prev != null) {
        throw new ApplyDeltaException(
            ErrorKind.BAD_REQUEST,
            "invalid-request",
            "parameter name '"
                + par.name
                + "' is used twice (parameters "
                + prev
                + " and "
                + i
                + ")",
            ParameterReader.paramPtr(i, "name"));
      }
      type[i] = par.valueType;
    }

    // Parse and resolve every expression.
    Node[] tree = new Node[n];
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Node.Ref>[] refs = new List[n];
    int[][] deps = new int[n][];
    for (int i = 0; i < n; i++) {
      Request.Param par = params.get(i);
      if (par.expr == null) {
        continue;
      }
      String ptr = ParameterReader.paramPtr(i, "expr");
      try {
        tree[i] = ExprParser.parse(par.expr);
      } catch (ExprError e) {
        fail(e.code(), "parameter '" + par.name + "': " + e.getMessage(), ptr);
        deps[i] = new int[0];
        continue;
      }
      refs[i] = new ArrayList<>();
      tree[i].collectRefs(refs[i]);
      deps[i] = resolve(refs[i], slotOf, "parameter '" + par.name + "'", ptr);
    }

    int[] order = orderAndFindCycles(tree, deps);

    // Types, in dependency order so that every name's type is known before it is used.
    for (int s : order) {
      if (tree[s] == null) {
        continue;
      }
      for (Node.Ref r : refs[s]) {
        r.bindType(r.slot() < 0 ? Type.UNKNOWN : type[r.slot()]);
      }
      try {
        type[s] = tree[s].check();
      } catch (ExprError e) {
        fail(
            e.code(),
            "parameter '" + params.get(s).name + "': " + e.getMessage(),
            ParameterReader.paramPtr(s, "expr"));
        type[s] = Type.UNKNOWN;
      }
    }

    // Parts.
    int pc = req.parts.size();
    Node[] quantity = new Node[pc];
    Node[] area = new Node[pc];
    int[] materialSlot = new int[pc];
    for (int i = 0; i < pc; i++) {
      Request.Part part = req.parts.get(i);
      String ptr = "/model/parts/" + i;
      String who = "part \"" + part.id + "\"";
      if (part.quantityExpr != null) {
        quantity[i] =
            partExpr(part.quantityExpr, slotOf, type, who + " quantity", ptr + "/quantity");
      }
      if (part.areaExpr != null) {
        area[i] = partExpr(part.areaExpr, slotOf, type, who + " area", ptr + "/area");
      }
      materialSlot[i] = -1;
      if (part.materialParam != null) {
        Integer slot = slotOf.get(part.materialParam);
        if (slot == null) {
          fail(
              "unknown-parameter",
              who + ": materialParam names unknown parameter '" + part.materialParam + "'",
              ptr + "/materialParam");
        } else {
          materialSlot[i] = slot;
          byte t = type[slot];
          if (t != Type.STRING && t != Type.UNKNOWN) {
            fail(
                "type-mismatch",
                who
                    + ": materialParam '"
                    + part.materialParam
                    + "' is a "
                    + Type.name(t)
                    + " parameter; it must be a string parameter holding a material id",
                ptr + "/materialParam");
          }
        }
      }
    }

    CompiledShape shape =
        new CompiledShape(n, slotOf, type, tree, order, deps, quantity, area, materialSlot);
    return new Result(shape, firstError);
  }

  /** Resolves names to slots; returns the distinct slots named (unknown names are reported). */
  private int[] resolve(List<Node.Ref> refs, Map<String, Integer> slotOf, String who, String ptr) {
    int[] out = new int[refs.size()];
    int k = 0;
    for (Node.Ref r : refs) {
      Integer slot = slotOf.get(r.name);
      if (slot == null) {
        fail(
            "unknown-reference",
            who + ": unknown name '" + r.name + "' at offset " + r.offset(),
            ptr);
        r.bind(-1);
        continue;
      }
      r.bind(slot);
      boolean seen = false;
      for (int j = 0; j < k; j++) {
        if (out[j] == slot) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out[k++] = slot;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private Node partExpr(
      String text, Map<String, Integer> slotOf, byte[] type, String who, String ptr) {
    Node t;
    try {
      t = ExprParser.parse(text);
    } catch (ExprError e) {
      fail(e.code(), who + ": " + e.getMessage(), ptr);
      return null;
    }
    List<Node.Ref> refs = new ArrayList<>();
    t.collectRefs(refs);
    resolve(refs, slotOf, who, ptr);
    for (Node.Ref r : refs) {
      r.bindType(r.slot() < 0 ? Type.UNKNOWN : type[r.slot()]);
    }
    try {
      byte ty = t.check();
      if (ty != Type.NUMBER && ty != Type.UNKNOWN) {
        fail("type-mismatch", who + " must be a number expression, got a " + Type.name(ty), ptr);
      }
    } catch (ExprError e) {
      fail(e.code(), who + ": " + e.getMessage(), ptr);
    }
    return t;
  }

  /**
   * Depth-first search over the derived slots, without recursion (chains of thousands of parameters
   * are fine). Returns the derived slots in post-order, which is a dependency order when there is
   * no cycle; reports the first cycle met, named like "a -> b -> a".
   */
  private int[] orderAndFindCycles(Node[] tree, int[][] deps) {
    int n = tree.length;
    byte[] state = new byte[n]; // 0 new, 1 on the stack, 2 done
    int[] stack = new int[n];
    int[] edge = new int[n];
    int[] order = new int[n];
    int count = 0;
    for (int root = 0; root < n; root++) {
      if (tree[root] == null && deps[root] == null) {
        continue; // input parameter
      }
      if (state[root] != 0) {
        continue;
      }
      int top = 0;
      stack[0] = root;
      edge[0] = 0;
      state[root] = 1;
      while (top >= 0) {
        int s = stack[top];
        int[] d = deps[s];
        if (d != null && edge[top] < d.length) {
          int w = d[edge[top]++];
          if (deps[w] == null) {
            continue; // input parameter
          }
          if (state[w] == 1) {
            reportCycle(stack, top, w);
          } else if (state[w] == 0) {
            state[w] = 1;
            stack[++top] = w;
            edge[top] = 0;
          }
        } else {
          state[s] = 2;
          order[count++] = s;
          top--;
        }
      }
    }
    return Arrays.copyOf(order, count);
  }

  private void reportCycle(int[] stack, int top, int w) {
    if (firstError != null) {
      return;
    }
    int from = top;
    while (stack[from] != w) {
      from--;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= top; i++) {
      sb.append(req.params.get(stack[i]).name).append(" -> ");
    }
    sb.append(req.params.get(w).name);
    fail("cycle", "cycle between derived parameters: " + sb, ParameterReader.paramPtr(w, "expr"));
  }
}
