package com.kitchencpq.paramkernel.service.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.kitchencpq.paramkernel.service.kernel.expr.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a request with Jackson's streaming parser and checks everything the contract answers
 * with BAD_REQUEST: JSON syntax, JSON types, required fields, limits, name patterns, duplicate
 * ids and the rules on min/max/step/options of input parameters. JSON pointers are only built when an
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
          ErrorKind.BAD_REQUEST, "malformed-json", "the body is not valid UTF-8 (byte offset " + bad + ")", "");
    }
    try (JsonParser p = FACTORY.createParser(body)) {
      RequestReader r = new RequestReader(p);
      r.readRoot();
      return r.req;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (NumberFormatException | ArithmeticException e) {
      // Safety net: Jackson reports some number limits this way instead of as a parse error.
      throw new ApplyDeltaException(
          ErrorKind.BAD_REQUEST, "invalid-request", "a number in the body cannot be read: " + e.getMessage(), "");
    } catch (IOException e) {
      // Reading from a byte array never does real I/O; anything here is a JSON problem.
      throw new ApplyDeltaException(ErrorKind.BAD_REQUEST, "malformed-json", "the body is not valid JSON: " + e.getMessage(), "");
    }
  }

  private static ApplyDeltaException malformed(JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    JsonLocation loc = e.getLocation();
    if (loc != null && loc.getLineNr() > 0) {
      msg = msg + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
    return new ApplyDeltaException(ErrorKind.BAD_REQUEST, "malformed-json", "the body is not valid JSON: " + msg, "");
  }

  private static ApplyDeltaException invalid(String pointer, String message) {
    return new ApplyDeltaException(ErrorKind.BAD_REQUEST, "invalid-request", message, pointer);
  }

  // ---------------------------------------------------------------- root

  private void readRoot() throws IOException, ApplyDeltaException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new ApplyDeltaException(ErrorKind.BAD_REQUEST, "malformed-json", "the body is empty", "");
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
      int bit = fieldBit(f);
      seen = once(seen, bit, f);
      t = p.nextToken();
      switch (bit) {
        case F_MODEL -> {
          if (t != JsonToken.VALUE_NULL) {
            expectObject(t, "model");
            readModel();
            section = "";
            index = -1;
            sawModel = true;
          }
        }
        case F_DELTAS -> {
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
          ErrorKind.BAD_REQUEST, "malformed-json", "unexpected data after the JSON document", "");
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
      int bit = fieldBit(f);
      seen = once(seen, bit, f);
      t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (bit) {
        case F_ID -> {
          String id = string(t, "id");
          int cps = id.codePointCount(0, id.length());
          if (cps < 1 || cps > MAX_ID_CODE_POINTS) {
            throw invalid("/model/id", "/model/id must have 1 to 128 characters, has " + cps);
          }
          req.modelId = id;
          sawId = true;
        }
        case F_REVISION -> {
          req.revision = revision(t);
          sawRevision = true;
        }
        case F_PARAMETERS -> {
          expectArray(t, "parameters");
          readParameters();
          section = "/model";
          index = -1;
          sawParameters = true;
        }
        case F_MATERIALS -> {
          expectArray(t, "materials");
          readMaterials();
          section = "/model";
          index = -1;
        }
        case F_PARTS -> {
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
      BigDecimal d;
      try {
        d = p.getDecimalValue();
      } catch (NumberFormatException | ArithmeticException e) {
        // an exponent beyond BigDecimal's range: only a zero mantissa gives a valid revision
        d = zeroMantissa(p.getText()) ? BigDecimal.ZERO : null;
      }
      if (d != null && d.signum() == 0) {
        return 0;
      }
      if (d != null && d.signum() > 0 && d.compareTo(MAX_REVISION) <= 0
          && d.stripTrailingZeros().scale() <= 0) {
        return d.longValueExact();
      }
      throw invalid(ptr, ptr + " must be an integer from 0 to 2^53-1, got " + p.getText());
    }
    throw typeError(t, "revision", "an integer");
  }

  private static boolean zeroMantissa(String number) {
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == 'e' || c == 'E') {
        return true;
      }
      if (c >= '1' && c <= '9') {
        return false;
      }
    }
    return true;
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
      int bit = fieldBit(f);
      seen = once(seen, bit, f);
      t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        if (f.equals("value")) {
          throw invalid(paramPtr(i, "value"),
              paramPtr(i, "value") + " must not be null; give a number, string or boolean");
        }
        continue;
      }
      switch (bit) {
        case F_NAME -> par.name = string(t, "name");
        case F_VALUE -> {
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
        case F_EXPR -> {
          par.expr = string(t, "expr");
          checkExprLength(par.expr, "expr");
        }
        case F_UNIT -> checkString(t, "unit");
        case F_MIN -> par.min = number(t, "min");
        case F_MAX -> par.max = number(t, "max");
        case F_STEP -> {
          par.step = number(t, "step");
          if (!(par.step > 0)) {
            throw invalid(paramPtr(i, "step"), paramPtr(i, "step") + " must be greater than 0");
          }
        }
        case F_OPTIONS -> {
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
    // The name pattern is checked when the shape is compiled: a cached shape has valid names.
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
   * The BAD_REQUEST rules on min/max/step (number parameters only) and options (string parameters only).
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
    ShapeKey k = req.shapeKey;
    k.tag('P');
    k.string(par.name);
    if (par.expr != null) {
      k.tag('e');
      k.string(par.expr);
    } else {
      k.tag((char) ('0' + par.valueType));
    }
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
        int bit = fieldBit(f);
        seen = once(seen, bit, f);
        t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (bit) {
          case F_ID -> m.id = string(t, "id");
          case F_NAME -> checkString(t, "name");
          case F_PRICE_PER_M2 -> {
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
    ShapeKey k = req.shapeKey;
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
        int bit = fieldBit(f);
        seen = once(seen, bit, f);
        t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (bit) {
          case F_ID -> part.id = string(t, "id");
          case F_MATERIAL -> part.material = string(t, "material");
          case F_MATERIAL_PARAM -> part.materialParam = string(t, "materialParam");
          case F_QUANTITY -> {
            if (t == JsonToken.VALUE_STRING) {
              part.quantityExpr = p.getText();
              checkExprLength(part.quantityExpr, "quantity");
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
              part.quantity = number(t, "quantity");
            } else {
              throw typeError(t, "quantity", "a number or an expression string");
            }
          }
          case F_AREA -> {
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
      k.tag('Q');
      if (part.materialParam != null) {
        k.tag('p');
        k.string(part.materialParam);
      } else {
        k.tag('m');
      }
      if (part.quantityExpr != null) {
        k.tag('e');
        k.string(part.quantityExpr);
      } else {
        k.tag('l');
      }
      if (part.areaExpr != null) {
        k.tag('e');
        k.string(part.areaExpr);
      } else {
        k.tag('l');
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
        int bit = fieldBit(f);
        seen = once(seen, bit, f);
        t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          if (f.equals("value")) {
            throw invalid(at("") + "/value", at("") + "/value must not be null");
          }
          continue;
        }
        switch (bit) {
          case F_OP -> op = string(t, "op");
          case F_PARAM -> d.param = string(t, "param");
          case F_VALUE -> {
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
   * and a second occurrence of a known field in the same object is BAD_REQUEST. Unknown fields are
   * ignored, duplicated or not.
   */
  private static final int F_MODEL = 1 << 0;
  private static final int F_DELTAS = 1 << 1;
  private static final int F_ID = 1 << 2;
  private static final int F_REVISION = 1 << 3;
  private static final int F_PARAMETERS = 1 << 4;
  private static final int F_MATERIALS = 1 << 5;
  private static final int F_PARTS = 1 << 6;
  private static final int F_NAME = 1 << 7;
  private static final int F_VALUE = 1 << 8;
  private static final int F_EXPR = 1 << 9;
  private static final int F_UNIT = 1 << 10;
  private static final int F_MIN = 1 << 11;
  private static final int F_MAX = 1 << 12;
  private static final int F_STEP = 1 << 13;
  private static final int F_OPTIONS = 1 << 14;
  private static final int F_PRICE_PER_M2 = 1 << 15;
  private static final int F_MATERIAL = 1 << 16;
  private static final int F_MATERIAL_PARAM = 1 << 17;
  private static final int F_QUANTITY = 1 << 18;
  private static final int F_AREA = 1 << 19;
  private static final int F_OP = 1 << 20;
  private static final int F_PARAM = 1 << 21;

  /** One bit per known field name (0 for unknown fields), used for dispatch and duplicates. */
  private static int fieldBit(String field) {
    return switch (field) {
      case "model" -> F_MODEL;
      case "deltas" -> F_DELTAS;
      case "id" -> F_ID;
      case "revision" -> F_REVISION;
      case "parameters" -> F_PARAMETERS;
      case "materials" -> F_MATERIALS;
      case "parts" -> F_PARTS;
      case "name" -> F_NAME;
      case "value" -> F_VALUE;
      case "expr" -> F_EXPR;
      case "unit" -> F_UNIT;
      case "min" -> F_MIN;
      case "max" -> F_MAX;
      case "step" -> F_STEP;
      case "options" -> F_OPTIONS;
      case "pricePerM2" -> F_PRICE_PER_M2;
      case "material" -> F_MATERIAL;
      case "materialParam" -> F_MATERIAL_PARAM;
      case "quantity" -> F_QUANTITY;
      case "area" -> F_AREA;
      case "op" -> F_OP;
      case "param" -> F_PARAM;
      default -> 0;
    };
  }

  private int once(int seen, int bit, String field) throws ApplyDeltaException {
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

  /** A string field whose value the kernel does not use: checked, never decoded. */
  private void checkString(JsonToken t, String field) throws ApplyDeltaException {
    if (t != JsonToken.VALUE_STRING) {
      throw typeError(t, field, "a string");
    }
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
    // Reported at once: a syntax error further on would also be BAD_REQUEST, so no need to read on.
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
