package com.kitchencpq.paramkernel.service.kernel;

import com.fasterxml.jackson.core.JsonToken;
import com.kitchencpq.paramkernel.service.kernel.expr.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /model/parameters} array: each parameter's name, value or expression, and the rules on
 * min/max/step/options. Appends each parameter to the request's shape key.
 */
final class ParameterReader {
  private static final String SECTION = "/model/parameters";

  private ParameterReader() {}

  /** Reads the array whose START_ARRAY was just read, up to its END_ARRAY. */
  static void read(JsonCursor c, Request req) throws IOException, ApplyDeltaException {
    JsonToken t;
    int i = 0;
    while ((t = c.next()) != JsonToken.END_ARRAY) {
      c.enter(SECTION, i);
      if (i >= RequestReader.MAX_PARAMETERS) {
        throw JsonCursor.invalid(
            c.at(""),
            "/model/parameters has more than " + RequestReader.MAX_PARAMETERS + " parameters");
      }
      c.expectObject(t, "");
      Request.Param par = readParameter(c, i);
      appendKey(req.shapeKey, par);
      req.params.add(par);
      i++;
    }
  }

  private static Request.Param readParameter(JsonCursor c, int i)
      throws IOException, ApplyDeltaException {
    Request.Param par = new Request.Param();
    boolean hasValue = false;
    List<String> options = null;
    boolean hasOptions = false;
    JsonToken t;
    int seen = 0;
    while ((t = c.next()) == JsonToken.FIELD_NAME) {
      String f = c.name();
      int bit = RequestFields.bit(f);
      seen = c.once(seen, bit, f);
      t = c.next();
      if (t == JsonToken.VALUE_NULL) {
        if (bit == RequestFields.VALUE) {
          throw JsonCursor.invalid(
              paramPtr(i, "value"),
              paramPtr(i, "value") + " must not be null; give a number, string or boolean");
        }
        continue;
      }
      switch (bit) {
        case RequestFields.NAME -> par.name = c.string(t, "name");
        case RequestFields.VALUE -> {
          hasValue = true;
          switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
              par.valueType = Type.NUMBER;
              par.num = c.number(t, "value");
            }
            case VALUE_STRING -> {
              par.valueType = Type.STRING;
              par.str = c.text();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
              par.valueType = Type.BOOLEAN;
              par.bool = t == JsonToken.VALUE_TRUE;
            }
            default -> throw c.typeError(t, "value", "a number, string or boolean");
          }
        }
        case RequestFields.EXPR -> {
          par.expr = c.string(t, "expr");
          c.checkLength(par.expr, "expr", RequestReader.MAX_EXPR_LENGTH);
        }
        case RequestFields.UNIT -> c.checkString(t, "unit");
        case RequestFields.MIN -> par.min = c.number(t, "min");
        case RequestFields.MAX -> par.max = c.number(t, "max");
        case RequestFields.STEP -> {
          par.step = c.number(t, "step");
          if (!(par.step > 0)) {
            throw JsonCursor.invalid(
                paramPtr(i, "step"), paramPtr(i, "step") + " must be greater than 0");
          }
        }
        case RequestFields.OPTIONS -> {
          c.expectArray(t, "options");
          options = new ArrayList<>();
          hasOptions = true;
          int k = 0;
          while ((t = c.next()) != JsonToken.END_ARRAY) {
            options.add(t == JsonToken.VALUE_STRING ? c.text() : c.string(t, "options/" + k));
            k++;
          }
        }
        default -> c.skip();
      }
    }
    if (par.name == null) {
      throw JsonCursor.invalid(paramPtr(i, "name"), paramPtr(i, "name") + " is required");
    }
    // The name pattern is checked when the shape is compiled: a cached shape has valid names.
    if (hasValue == (par.expr != null)) {
      throw JsonCursor.invalid(
          paramPtr(i, hasValue ? "expr" : "value"),
          "parameter '" + par.name + "' must have exactly one of \"value\" and \"expr\"");
    }
    if (hasOptions) {
      par.options = options.toArray(new String[0]);
    }
    if (par.hasMin() && par.hasMax() && par.min > par.max) {
      throw JsonCursor.invalid(
          paramPtr(i, "min"),
          "parameter '" + par.name + "' has min " + par.min + " greater than max " + par.max);
    }
    if (hasValue) {
      checkRuleTypes(par, i, par.valueType);
    }
    return par;
  }

  /**
   * The BAD_REQUEST rules on min/max/step (number parameters only) and options (string parameters
   * only). Called here for inputs and by the kernel for derived parameters once their type is
   * known.
   */
  static void checkRuleTypes(Request.Param par, int i, byte type) throws ApplyDeltaException {
    if (type == Type.UNKNOWN) {
      return;
    }
    if (type != Type.NUMBER) {
      String rule = par.hasMin() ? "min" : par.hasMax() ? "max" : par.hasStep() ? "step" : null;
      if (rule != null) {
        throw JsonCursor.invalid(
            paramPtr(i, rule),
            "parameter '"
                + par.name
                + "' is a "
                + Type.name(type)
                + "; \""
                + rule
                + "\" applies to number parameters only");
      }
    }
    if (type != Type.STRING && par.options != null) {
      throw JsonCursor.invalid(
          paramPtr(i, "options"),
          "parameter '"
              + par.name
              + "' is a "
              + Type.name(type)
              + "; \"options\" applies to string parameters only");
    }
  }

  /** The JSON pointer of {@code field} of parameter {@code i}. */
  static String paramPtr(int i, String field) {
    return SECTION + "/" + i + "/" + field;
  }

  private static void appendKey(ShapeKey k, Request.Param par) {
    k.tag('P');
    k.string(par.name);
    if (par.expr != null) {
      k.tag('e');
      k.string(par.expr);
    } else {
      k.tag((char) ('0' + par.valueType));
    }
  }
}
