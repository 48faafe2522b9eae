package com.kitchencpq.paramkernel.service.kernel;

/**
 * The field names the section readers know, one bit each, for dispatch and duplicate detection
 * (Jackson's own detection costs a hash set per object). One namespace for all sections on purpose:
 * a second occurrence of any known name in the same object is BAD_REQUEST, also where that section
 * ignores the field (a parameter with two {@code "id"} fields is refused). Names no section knows
 * map to 0 and are ignored, duplicated or not.
 */
final class RequestFields {
  static final int MODEL = 1 << 0;
  static final int DELTAS = 1 << 1;
  static final int ID = 1 << 2;
  static final int REVISION = 1 << 3;
  static final int PARAMETERS = 1 << 4;
  static final int MATERIALS = 1 << 5;
  static final int PARTS = 1 << 6;
  static final int NAME = 1 << 7;
  static final int VALUE = 1 << 8;
  static final int EXPR = 1 << 9;
  static final int UNIT = 1 << 10;
  static final int MIN = 1 << 11;
  static final int MAX = 1 << 12;
  static final int STEP = 1 << 13;
  static final int OPTIONS = 1 << 14;
  static final int PRICE_PER_M2 = 1 << 15;
  static final int MATERIAL = 1 << 16;
  static final int MATERIAL_PARAM = 1 << 17;
  static final int QUANTITY = 1 << 18;
  static final int AREA = 1 << 19;
  static final int OP = 1 << 20;
  static final int PARAM = 1 << 21;

  private RequestFields() {}

  /** The bit of a known field name, 0 for an unknown one. */
  static int bit(String field) {
    return switch (field) {
      case "model" -> MODEL;
      case "deltas" -> DELTAS;
      case "id" -> ID;
      case "revision" -> REVISION;
      case "parameters" -> PARAMETERS;
      case "materials" -> MATERIALS;
      case "parts" -> PARTS;
      case "name" -> NAME;
      case "value" -> VALUE;
      case "expr" -> EXPR;
      case "unit" -> UNIT;
      case "min" -> MIN;
      case "max" -> MAX;
      case "step" -> STEP;
      case "options" -> OPTIONS;
      case "pricePerM2" -> PRICE_PER_M2;
      case "material" -> MATERIAL;
      case "materialParam" -> MATERIAL_PARAM;
      case "quantity" -> QUANTITY;
      case "area" -> AREA;
      case "op" -> OP;
      case "param" -> PARAM;
      default -> 0;
    };
  }
}
