package com.kitchencpq.paramkernel.service.kernel;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/** The {@code /model/materials} array: unique ids and a price per m² of 0 or more. */
final class MaterialReader {
  private static final String SECTION = "/model/materials";

  private MaterialReader() {}

  /** Reads the array whose START_ARRAY was just read, up to its END_ARRAY. */
  static void read(JsonCursor c, Request req) throws IOException, ApplyDeltaException {
    JsonToken t;
    int i = 0;
    Set<String> ids = new HashSet<>();
    while ((t = c.next()) != JsonToken.END_ARRAY) {
      c.enter(SECTION, i);
      if (i >= RequestReader.MAX_MATERIALS) {
        throw JsonCursor.invalid(
            c.at(""),
            "/model/materials has more than " + RequestReader.MAX_MATERIALS + " materials");
      }
      c.expectObject(t, "");
      Request.Material m = readMaterial(c);
      if (!ids.add(m.id)) {
        throw JsonCursor.invalid(c.at("id"), "material id \"" + m.id + "\" is used twice");
      }
      req.materials.add(m);
      i++;
    }
  }

  private static Request.Material readMaterial(JsonCursor c)
      throws IOException, ApplyDeltaException {
    Request.Material m = new Request.Material();
    boolean hasPrice = false;
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
        case RequestFields.ID -> m.id = c.string(t, "id");
        case RequestFields.NAME -> c.checkString(t, "name");
        case RequestFields.PRICE_PER_M2 -> {
          m.pricePerM2 = c.number(t, "pricePerM2");
          hasPrice = true;
          if (m.pricePerM2 < 0) {
            throw JsonCursor.invalid(c.at("pricePerM2"), c.at("pricePerM2") + " must be 0 or more");
          }
        }
        default -> c.skip();
      }
    }
    if (m.id == null) {
      throw JsonCursor.invalid(c.at("id"), c.at("id") + " is required");
    }
    if (!hasPrice) {
      throw JsonCursor.invalid(c.at("pricePerM2"), c.at("pricePerM2") + " is required");
    }
    return m;
  }
}
