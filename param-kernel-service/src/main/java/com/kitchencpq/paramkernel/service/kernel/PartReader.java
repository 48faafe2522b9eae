package com.kitchencpq.paramkernel.service.kernel;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code /model/parts} array: unique ids, exactly one of material and materialParam, and a
 * quantity and area that are numbers or expressions. Appends each part to the shape key.
 */
final class PartReader {
  private static final String SECTION = "/model/parts";

  private PartReader() {}

  /** Reads the array whose START_ARRAY was just read, up to its END_ARRAY. */
  static void read(JsonCursor c, Request req) throws IOException, ApplyDeltaException {
    JsonToken t;
    int i = 0;
    Set<String> ids = new HashSet<>();
    while ((t = c.next()) != JsonToken.END_ARRAY) {
      c.enter(SECTION, i);
      if (i >= RequestReader.MAX_PARTS) {
        throw JsonCursor.invalid(
            c.at(""), "/model/parts has more than " + RequestReader.MAX_PARTS + " parts");
      }
      c.expectObject(t, "");
      Request.Part part = readPart(c);
      if (!ids.add(part.id)) {
        throw JsonCursor.invalid(c.at("id"), "part id \"" + part.id + "\" is used twice");
      }
      appendKey(req.shapeKey, part);
      req.parts.add(part);
      i++;
    }
  }

  private static Request.Part readPart(JsonCursor c) throws IOException, ApplyDeltaException {
    Request.Part part = new Request.Part();
    boolean hasArea = false;
    JsonToken t;
    int seen = 0;
    while ((t = c.next()) == JsonToken.FIELD_NAME) {
      String f = c.name();
      int bit = RequestFields.bit(f);
      seen = c.once(seen, bit, f);
      t = c.next();
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (bit) {
        case RequestFields.ID -> part.id = c.string(t, "id");
        case RequestFields.MATERIAL -> part.material = c.string(t, "material");
        case RequestFields.MATERIAL_PARAM -> part.materialParam = c.string(t, "materialParam");
        case RequestFields.QUANTITY -> {
          if (t == JsonToken.VALUE_STRING) {
            part.quantityExpr = c.text();
            c.checkLength(part.quantityExpr, "quantity", RequestReader.MAX_EXPR_LENGTH);
          } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            part.quantity = c.number(t, "quantity");
          } else {
            throw c.typeError(t, "quantity", "a number or an expression string");
          }
        }
        case RequestFields.AREA -> {
          hasArea = true;
          if (t == JsonToken.VALUE_STRING) {
            part.areaExpr = c.text();
            c.checkLength(part.areaExpr, "area", RequestReader.MAX_EXPR_LENGTH);
          } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            part.area = c.number(t, "area");
          } else {
            throw c.typeError(t, "area", "a number or an expression string");
          }
        }
        default -> c.skip();
      }
    }
    if (part.id == null) {
      throw JsonCursor.invalid(c.at("id"), c.at("id") + " is required");
    }
    if ((part.material == null) == (part.materialParam == null)) {
      throw JsonCursor.invalid(
          c.at(part.material == null ? "material" : "materialParam"),
          "part \"" + part.id + "\" must have exactly one of \"material\" and \"materialParam\"");
    }
    if (!hasArea) {
      throw JsonCursor.invalid(c.at("area"), c.at("area") + " is required");
    }
    return part;
  }

  private static void appendKey(ShapeKey k, Request.Part part) {
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
  }
}
