package com.kitchencpq.paramkernel.service.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.kitchencpq.paramkernel.service.kernel.expr.ExprParser;
import com.kitchencpq.paramkernel.service.kernel.expr.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a request with Jackson's streaming parser and checks everything the contract answers
 * with 400: JSON syntax, JSON types, required fields, limits, name patterns, duplicate ids and
 * the rules on min/max/step/options of input parameters. JSON pointers are only built when an
 * error is reported. Unknown fields are skipped without recursion.
 */
final class RequestReader {
  static final int MAX_PARAMETERS = 10_000;
  static final int MAX_MATERIALS = 1_000;
  static final int MAX_PARTS = 10_000;
  static final int MAX_DELTAS = 1_000;
  static final int MAX_ID_CODE_POINTS = 128;

  /** Longest expression text accepted (characters). */
  static final int MAX_EXPR_LENGTH = 10_000;

  private static final BigDecimal MAX_REVISION = BigDecimal.valueOf((1L << 53) - 1);

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
          .build();

  private final JsonParser p;
  private final Request req = new Request();

  // Where the reader is, for JSON pointers built only when an error is reported.
  private String section = "";
  private int index = -1;

  private RequestReader(JsonParser p) {
    this.p = p;
  }

  static Request read(byte[] body) throws ApplyDeltaException {
    int bad = Utf8.firstInvalid(body);
    if (bad >= 0) {
      throw new ApplyDeltaException(
          400, "malformed-json", "the body is not valid UTF-8 (byte offset " + bad + ")", "");
    }
    try (JsonParser p = FACTORY.createParser(body)) {
      RequestReader r = new RequestReader(p);
      r.readRoot();
      return r.req;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      // Reading from a byte array never does real I/O; anything here is a JSON problem.
      throw new ApplyDeltaException(400, "malformed-json", "the body is not valid JSON: " + e.getMessage(), "");
    }
  }

  private static ApplyDeltaException malformed(JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    JsonLocation loc = e.getLocation();
    if (loc != null && loc.getLineNr() > 0) {
      msg = msg + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
    return new ApplyDeltaException(400, "malformed-json", "the body is not valid JSON: " + msg, "");
  }

  private static ApplyDeltaException invalid(String pointer, String message) {
    return new ApplyDeltaException(400, "invalid-request", message, pointer);
  }

  // ---------------------------------------------------------------- root

  private void readRoot() throws IOException, ApplyDeltaException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new ApplyDeltaException(400, "malformed-json", "the body is empty", "");
    }
    if (t != JsonToken.START_OBJECT) {
      skipValue(t);
      checkEnd();
      throw invalid("", "the request must be a JSON object");
    }
    boolean sawModel = false;
    int seen = 0;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      seen = once(seen, f);
      t = p.nextToken();
      switch (f) {
        case "model" -> {
          if (t != JsonToken.VALUE_NULL) {
            expectObject(t, "model");
            readModel();
            section = "";
            index = -1;
            sawModel = true;
          }
        }
        case "deltas" -> {
          if (t != JsonToken.VALUE_NULL) {
            expectArray(t, "deltas");
            readDeltas();
            section = "";
            index = -1;
          }
        }
        default -> p.skipChildren();
      }
    }
    checkEnd();
    if (!sawModel) {
      throw invalid("/model", "the request has no \"model\"");
    }
  }

  private void checkEnd() throws IOException, ApplyDeltaException {
    if (p.nextToken() != null) {
      throw new ApplyDeltaException(
          400, "malformed-json", "unexpected data after the JSON document", "");
    }
  }

  private void skipValue(JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
    }
  }

  // ---------------------------------------------------------------- model

  private void readModel() throws IOException, ApplyDeltaException {
    section = "/model";
    index = -1;
    boolean sawId = false;
    boolean sawRevision = false;
    boolean sawParameters = false;
    JsonToken t;
    int seen = 0;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      seen = once(seen, f);
      t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (f) {
        case "id" -> {
          String id = string(t, "id");
          int cps = id.codePointCount(0, id.length());
          if (cps < 1 || cps > MAX_ID_CODE_POINTS) {
            throw invalid("/model/id", "/model/id must have 1 to 128 characters, has " + cps);
          }
          req.modelId = id;
          sawId = true;
        }
        case "revision" -> {
          req.revision = revision(t);
          sawRevision = true;
        }
        case "parameters" -> {
          expectArray(t, "parameters");
          readParameters();
          section = "/model";
          index = -1;
          sawParameters = true;
        }
        case "materials" -> {
          expectArray(t, "materials");
          readMaterials();
          section = "/model";
          index = -1;
        }
        case "parts" -> {
          expectArray(t, "parts");
          readParts();
          section = "/model";
          index = -1;
        }
        default -> p.skipChildren();
      }
    }
    if (!sawId) {
      throw invalid("/model/id", "/model/id is required");
    }
    if (!sawRevision) {
      throw invalid("/model/revision", "/model/revision is required");
    }
    if (!sawParameters) {
      throw invalid("/model/parameters", "/model/parameters is required");
    }
    if (req.params.isEmpty()) {
      throw invalid("/model/parameters", "/model/parameters must have at least one parameter");
    }
  }

  private long revision(JsonToken t) throws IOException, ApplyDeltaException {
    String ptr = "/model/revision";
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType nt = p.getNumberType();
      if (nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG) {
        long v = p.getLongValue();
        if (v >= 0 && v <= (1L << 53) - 1) {
          return v;
        }
      }
      throw invalid(ptr, ptr + " must be an integer from 0 to 2^53-1, got " + p.getText());
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal d = p.getDecimalValue();
      if (d.signum() == 0) {
        return 0;
      }
      if (d.signum() > 0 && d.compareTo(MAX_REVISION) <= 0 && d.stripTrailingZeros().scale() <= 0) {
        return d.longValueExact();
      }
      throw invalid(ptr, ptr + " must be an integer from 0 to 2^53-1, got " + p.getText());
    }
    throw typeError(t, "revision", "an integer");
  }

  // ---------------------------------------------------------------- parameters

  private void readParameters() throws IOException, ApplyDeltaException {
    JsonToken t;
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      section = "/model/parameters";
      index = i;
      if (i >= MAX_PARAMETERS) {
        throw invalid(at(""), "/model/parameters has more than " + MAX_PARAMETERS + " parameters");
      }
      expectObject(t, "");
      req.params.add(readParameter(i));
      i++;
    }
  }

  private Request.Param readParameter(int i) throws IOException, ApplyDeltaException {
    Request.Param par = new Request.Param();
    boolean hasValue = false;
    List<String> options = null;
    boolean hasOptions = false;
    JsonToken t;
    int seen = 0;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      seen = once(seen, f);
      t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        if (f.equals("value")) {
          throw invalid(paramPtr(i, "value"),
              paramPtr(i, "value") + " must not be null; give a number, string or boolean");
        }
        continue;
      }
      switch (f) {
        case "name" -> par.name = string(t, "name");
        case "value" -> {
          hasValue = true;
          switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
              par.valueType = Type.NUMBER;
              par.num = number(t, "value");
            }
            case VALUE_STRING -> {
              par.valueType = Type.STRING;
              par.str = p.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
              par.valueType = Type.BOOLEAN;
              par.bool = t == JsonToken.VALUE_TRUE;
            }
            default -> throw typeError(t, "value", "a number, string or boolean");
          }
        }
        case "expr" -> {
          par.expr = string(t, "expr");
          checkExprLength(par.expr, "expr");
        }
        case "unit" -> string(t, "unit");
        case "min" -> par.min = number(t, "min");
        case "max" -> par.max = number(t, "max");
        case "step" -> {
          par.step = number(t, "step");
          if (!(par.step > 0)) {
            throw invalid(paramPtr(i, "step"), paramPtr(i, "step") + " must be greater than 0");
          }
        }
        case "options" -> {
          expectArray(t, "options");
          options = new ArrayList<>();
          hasOptions = true;
          int k = 0;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            options.add(t == JsonToken.VALUE_STRING ? p.getText() : string(t, "options/" + k));
            k++;
          }
        }
        default -> p.skipChildren();
      }
    }
    if (par.name == null) {
      throw invalid(paramPtr(i, "name"), paramPtr(i, "name") + " is required");
    }
    if (!ExprParser.isValidName(par.name)) {
      throw invalid(paramPtr(i, "name"),
          paramPtr(i, "name") + " \"" + par.name + "\" does not match the name pattern"
              + " [A-Za-z_][A-Za-z0-9_]*(.[A-Za-z_][A-Za-z0-9_]*)*");
    }
    if (par.name.equals("true") || par.name.equals("false")) {
      throw invalid(paramPtr(i, "name"),
          paramPtr(i, "name") + " \"" + par.name + "\" is a keyword and cannot name a parameter");
    }
    if (hasValue == (par.expr != null)) {
      throw invalid(paramPtr(i, hasValue ? "expr" : "value"),
          "parameter '" + par.name + "' must have exactly one of \"value\" and \"expr\"");
    }
    if (hasOptions) {
      par.options = options.toArray(new String[0]);
    }
    if (par.hasMin() && par.hasMax() && par.min > par.max) {
      throw invalid(paramPtr(i, "min"),
          "parameter '" + par.name + "' has min " + par.min + " greater than max " + par.max);
    }
    if (hasValue) {
      checkRuleTypes(par, i, par.valueType);
    }
    appendParamKey(par);
    return par;
  }

  /**
   * The 400 rules on min/max/step (number parameters only) and options (string parameters only).
   * Called here for inputs and by the kernel for derived parameters once their type is known.
   */
  static void checkRuleTypes(Request.Param par, int i, byte type) throws ApplyDeltaException {
    if (type == Type.UNKNOWN) {
      return;
    }
    if (type != Type.NUMBER) {
      String rule = par.hasMin() ? "min" : par.hasMax() ? "max" : par.hasStep() ? "step" : null;
      if (rule != null) {
        throw invalid(paramPtr(i, rule),
            "parameter '" + par.name + "' is a " + Type.name(type) + "; \"" + rule
                + "\" applies to number parameters only");
      }
    }
    if (type != Type.STRING && par.options != null) {
      throw invalid(paramPtr(i, "options"),
          "parameter '" + par.name + "' is a " + Type.name(type)
              + "; \"options\" applies to string parameters only");
    }
  }

  static String paramPtr(int i, String field) {
    return "/model/parameters/" + i + "/" + field;
  }

  private void appendParamKey(Request.Param par) {
    StringBuilder k = req.shapeKey;
    k.append('P');
    appendLp(k, par.name);
    if (par.expr != null) {
      k.append('e');
      appendLp(k, par.expr);
    } else {
      k.append((char) ('0' + par.valueType));
    }
  }

  private static void appendLp(StringBuilder k, String s) {
    k.append(s.length()).append(':').append(s);
  }

  private void checkExprLength(String expr, String field) throws ApplyDeltaException {
    if (expr.length() > MAX_EXPR_LENGTH) {
      String ptr = at(field);
      throw invalid(ptr, ptr + " is longer than " + MAX_EXPR_LENGTH + " characters");
    }
  }

  // ---------------------------------------------------------------- materials

  private void readMaterials() throws IOException, ApplyDeltaException {
    JsonToken t;
    int i = 0;
    Set<String> ids = new HashSet<>();
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      section = "/model/materials";
      index = i;
      if (i >= MAX_MATERIALS) {
        throw invalid(at(""), "/model/materials has more than " + MAX_MATERIALS + " materials");
      }
      expectObject(t, "");
      Request.Material m = new Request.Material();
      boolean hasPrice = false;
      int seen = 0;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        seen = once(seen, f);
        t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (f) {
          case "id" -> m.id = string(t, "id");
          case "name" -> string(t, "name");
          case "pricePerM2" -> {
            m.pricePerM2 = number(t, "pricePerM2");
            hasPrice = true;
            if (m.pricePerM2 < 0) {
              throw invalid(at("") + "/pricePerM2", at("") + "/pricePerM2 must be 0 or more");
            }
          }
          default -> p.skipChildren();
        }
      }
      if (m.id == null) {
        throw invalid(at("") + "/id", at("") + "/id is required");
      }
      if (!hasPrice) {
        throw invalid(at("") + "/pricePerM2", at("") + "/pricePerM2 is required");
      }
      if (!ids.add(m.id)) {
        throw invalid(at("") + "/id", "material id \"" + m.id + "\" is used twice");
      }
      req.materials.add(m);
      i++;
    }
  }

  // ---------------------------------------------------------------- parts

  private void readParts() throws IOException, ApplyDeltaException {
    JsonToken t;
    int i = 0;
    Set<String> ids = new HashSet<>();
    StringBuilder k = req.shapeKey;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      section = "/model/parts";
      index = i;
      if (i >= MAX_PARTS) {
        throw invalid(at(""), "/model/parts has more than " + MAX_PARTS + " parts");
      }
      expectObject(t, "");
      Request.Part part = new Request.Part();
      boolean hasArea = false;
      int seen = 0;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        seen = once(seen, f);
        t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (f) {
          case "id" -> part.id = string(t, "id");
          case "material" -> part.material = string(t, "material");
          case "materialParam" -> part.materialParam = string(t, "materialParam");
          case "quantity" -> {
            if (t == JsonToken.VALUE_STRING) {
              part.quantityExpr = p.getText();
              checkExprLength(part.quantityExpr, "quantity");
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
              part.quantity = number(t, "quantity");
            } else {
              throw typeError(t, "quantity", "a number or an expression string");
            }
          }
          case "area" -> {
            hasArea = true;
            if (t == JsonToken.VALUE_STRING) {
              part.areaExpr = p.getText();
              checkExprLength(part.areaExpr, "area");
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
              part.area = number(t, "area");
            } else {
              throw typeError(t, "area", "a number or an expression string");
            }
          }
          default -> p.skipChildren();
        }
      }
      if (part.id == null) {
        throw invalid(at("") + "/id", at("") + "/id is required");
      }
      if ((part.material == null) == (part.materialParam == null)) {
        throw invalid(at(part.material == null ? "material" : "materialParam"),
            "part \"" + part.id + "\" must have exactly one of \"material\" and \"materialParam\"");
      }
      if (!hasArea) {
        throw invalid(at("") + "/area", at("") + "/area is required");
      }
      if (!ids.add(part.id)) {
        throw invalid(at("") + "/id", "part id \"" + part.id + "\" is used twice");
      }
      k.append('Q');
      if (part.materialParam != null) {
        k.append('p');
        appendLp(k, part.materialParam);
      } else {
        k.append('m');
      }
      if (part.quantityExpr != null) {
        k.append('e');
        appendLp(k, part.quantityExpr);
      } else {
        k.append('l');
      }
      if (part.areaExpr != null) {
        k.append('e');
        appendLp(k, part.areaExpr);
      } else {
        k.append('l');
      }
      req.parts.add(part);
      i++;
    }
  }

  // ---------------------------------------------------------------- deltas

  private void readDeltas() throws IOException, ApplyDeltaException {
    JsonToken t;
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      section = "/deltas";
      index = i;
      if (i >= MAX_DELTAS) {
        throw invalid(at(""), "/deltas has more than " + MAX_DELTAS + " deltas");
      }
      expectObject(t, "");
      Request.Delta d = new Request.Delta();
      String op = null;
      boolean hasValue = false;
      int seen = 0;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        seen = once(seen, f);
        t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          if (f.equals("value")) {
            throw invalid(at("") + "/value", at("") + "/value must not be null");
          }
          continue;
        }
        switch (f) {
          case "op" -> op = string(t, "op");
          case "param" -> d.param = string(t, "param");
          case "value" -> {
            hasValue = true;
            switch (t) {
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                d.valueType = Type.NUMBER;
                d.num = number(t, "value");
              }
              case VALUE_STRING -> {
                d.valueType = Type.STRING;
                d.str = p.getText();
              }
              case VALUE_TRUE, VALUE_FALSE -> {
                d.valueType = Type.BOOLEAN;
                d.bool = t == JsonToken.VALUE_TRUE;
              }
              default -> throw typeError(t, "value", "a number, string or boolean");
            }
          }
          default -> p.skipChildren();
        }
      }
      if (op == null) {
        throw invalid(at("") + "/op", at("") + "/op is required");
      }
      switch (op) {
        case "set" -> d.op = Request.OP_SET;
        case "add" -> d.op = Request.OP_ADD;
        case "scale" -> d.op = Request.OP_SCALE;
        default -> throw invalid(at("") + "/op",
            "unknown op \"" + op + "\"; use set, add or scale");
      }
      if (d.param == null) {
        throw invalid(at("") + "/param", at("") + "/param is required");
      }
      if (!hasValue) {
        throw invalid(at("") + "/value", at("") + "/value is required");
      }
      req.deltas.add(d);
      i++;
    }
  }

  // ---------------------------------------------------------------- values

  /**
   * Jackson's duplicate detection costs a hash set per object; instead every known field has a bit
   * and a second occurrence of a known field in the same object is a 400. Unknown fields are
   * ignored, duplicated or not.
   */
  private int once(int seen, String field) throws ApplyDeltaException {
    int bit = switch (field) {
      case "model" -> 1 << 0;
      case "deltas" -> 1 << 1;
      case "id" -> 1 << 2;
      case "revision" -> 1 << 3;
      case "parameters" -> 1 << 4;
      case "materials" -> 1 << 5;
      case "parts" -> 1 << 6;
      case "name" -> 1 << 7;
      case "value" -> 1 << 8;
      case "expr" -> 1 << 9;
      case "unit" -> 1 << 10;
      case "min" -> 1 << 11;
      case "max" -> 1 << 12;
      case "step" -> 1 << 13;
      case "options" -> 1 << 14;
      case "pricePerM2" -> 1 << 15;
      case "material" -> 1 << 16;
      case "materialParam" -> 1 << 17;
      case "quantity" -> 1 << 18;
      case "area" -> 1 << 19;
      case "op" -> 1 << 20;
      case "param" -> 1 << 21;
      default -> 0;
    };
    if ((seen & bit) != 0) {
      String ptr = at(field);
      throw invalid(ptr, ptr + " is given twice");
    }
    return seen | bit;
  }

  /** The JSON pointer of {@code field} in the current context ("" for the context itself). */
  private String at(String field) {
    StringBuilder sb = new StringBuilder(section);
    if (index >= 0) {
      sb.append('/').append(index);
    }
    if (!field.isEmpty()) {
      sb.append('/').append(field);
    }
    return sb.toString();
  }

  private String string(JsonToken t, String field) throws IOException, ApplyDeltaException {
    if (t != JsonToken.VALUE_STRING) {
      throw typeError(t, field, "a string");
    }
    return p.getText();
  }

  private double number(JsonToken t, String field) throws IOException, ApplyDeltaException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw typeError(t, field, "a number");
    }
    double v = p.getDoubleValue();
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      throw invalid(at(field), at(field) + " is out of the range of a double: " + p.getText());
    }
    return v;
  }

  private void expectObject(JsonToken t, String field) throws ApplyDeltaException {
    if (t != JsonToken.START_OBJECT) {
      throw typeError(t, field, "an object");
    }
  }

  private void expectArray(JsonToken t, String field) throws ApplyDeltaException {
    if (t != JsonToken.START_ARRAY) {
      throw typeError(t, field, "an array");
    }
  }

  private ApplyDeltaException typeError(JsonToken t, String field, String expected) {
    // Reported at once: a syntax error further on would also be a 400, so no need to read on.
    String ptr = at(field);
    return invalid(ptr, ptr + " must be " + expected + ", got " + describe(t));
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString();
    };
  }
}
