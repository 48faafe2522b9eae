package com.kitchencpq.paramkernel.service.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates random, mostly well-typed models with acyclic derived parameters, materials, parts and
 * deltas, as JSON text. Some expressions divide by values that may become zero or use bad
 * round/clamp arguments, so errors happen too.
 */
final class RandomModels {
  private final Random rnd;
  private final List<String> nums = new ArrayList<>();
  private final List<String> strs = new ArrayList<>();
  private final List<String> bools = new ArrayList<>();
  private final List<String> inputNums = new ArrayList<>();
  private final List<String> inputStrs = new ArrayList<>();
  private final List<String> inputBools = new ArrayList<>();

  RandomModels(Random rnd) {
    this.rnd = rnd;
  }

  String next() {
    nums.clear();
    strs.clear();
    bools.clear();
    inputNums.clear();
    inputStrs.clear();
    inputBools.clear();
    List<String> params = new ArrayList<>();
    int inputs = 1 + rnd.nextInt(8);
    for (int i = 0; i < inputs; i++) {
      String name = "in" + i;
      switch (rnd.nextInt(4)) {
        case 0 -> {
          strs.add(name);
          inputStrs.add(name);
          params.add("{\"name\":\"" + name + "\",\"value\":\"" + material() + "\"}");
        }
        case 1 -> {
          bools.add(name);
          inputBools.add(name);
          params.add("{\"name\":\"" + name + "\",\"value\":" + rnd.nextBoolean() + "}");
        }
        default -> {
          nums.add(name);
          inputNums.add(name);
          params.add("{\"name\":\"" + name + "\",\"value\":" + number() + rules() + "}");
        }
      }
    }
    int derived = rnd.nextInt(15);
    for (int i = 0; i < derived; i++) {
      String name = "d" + i;
      int kind = rnd.nextInt(5);
      String expr;
      if (kind == 0 && !strs.isEmpty()) {
        expr = str(3);
        strs.add(name);
      } else if (kind == 1) {
        expr = bool(3);
        bools.add(name);
      } else {
        expr = num(3);
        nums.add(name);
      }
      params.add(
          "{\"name\":\""
              + name
              + "\",\"expr\":\""
              + expr.replace("\"", "\\\"")
              + "\""
              + (nums.contains(name) ? rules() : "")
              + "}");
    }
    Collections.shuffle(params, rnd); // model order differs from dependency order
    StringBuilder sb =
        new StringBuilder("{\"model\":{\"id\":\"r\",\"revision\":0,\"parameters\":[");
    sb.append(String.join(",", params));
    sb.append(
        "],\"materials\":[{\"id\":\"oak\",\"pricePerM2\":12.5},{\"id\":\"ash\",\"pricePerM2\":3}]");
    sb.append(",\"parts\":[");
    int parts = rnd.nextInt(5);
    for (int i = 0; i < parts; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\":\"p").append(i).append("\",");
      if (!strs.isEmpty() && rnd.nextBoolean()) {
        sb.append("\"materialParam\":\"").append(pick(strs)).append("\"");
      } else {
        sb.append("\"material\":\"").append(material()).append("\"");
      }
      sb.append(",\"quantity\":").append(rnd.nextBoolean() ? "\"abs(" + num(2) + ")\"" : "2");
      sb.append(",\"area\":\"abs(").append(num(2)).append(")\"}");
    }
    sb.append("]},\"deltas\":[");
    int deltas = rnd.nextInt(6);
    for (int i = 0; i < deltas; i++) {
      sb.append(i == 0 ? "" : ",").append(delta());
    }
    sb.append("]}");
    return sb.toString();
  }

  private String delta() {
    int kind = rnd.nextInt(10);
    if (kind < 5 && !inputNums.isEmpty()) {
      String op = new String[] {"set", "add", "scale"}[rnd.nextInt(3)];
      return "{\"op\":\""
          + op
          + "\",\"param\":\""
          + pick(inputNums)
          + "\",\"value\":"
          + number()
          + "}";
    }
    if (kind < 7 && !inputStrs.isEmpty()) {
      return "{\"op\":\"set\",\"param\":\""
          + pick(inputStrs)
          + "\",\"value\":\""
          + material()
          + "\"}";
    }
    if (kind < 9 && !inputBools.isEmpty()) {
      return "{\"op\":\"set\",\"param\":\""
          + pick(inputBools)
          + "\",\"value\":"
          + rnd.nextBoolean()
          + "}";
    }
    // a delta with the same value as before, or a zero sign flip
    if (!inputNums.isEmpty()) {
      return "{\"op\":\"scale\",\"param\":\""
          + pick(inputNums)
          + "\",\"value\":"
          + (rnd.nextBoolean() ? "1" : "-0.0")
          + "}";
    }
    return "{\"op\":\"set\",\"param\":\"nope\",\"value\":1}";
  }

  private String material() {
    return rnd.nextInt(10) == 0 ? "pine" : rnd.nextBoolean() ? "oak" : "ash";
  }

  private String number() {
    return switch (rnd.nextInt(6)) {
      case 0 -> "0";
      case 1 -> "-0.0";
      case 2 -> Integer.toString(rnd.nextInt(21) - 10);
      case 3 -> Double.toString(Math.round(rnd.nextDouble() * 1000) / 100.0);
      default -> Integer.toString(rnd.nextInt(5));
    };
  }

  private String rules() {
    StringBuilder sb = new StringBuilder();
    if (rnd.nextInt(3) == 0) {
      sb.append(",\"min\":").append(rnd.nextInt(3) - 1);
    }
    if (rnd.nextInt(3) == 0) {
      sb.append(",\"max\":").append(5 + rnd.nextInt(5));
    }
    if (rnd.nextInt(3) == 0) {
      sb.append(",\"step\":").append(new String[] {"1", "0.5", "0.1", "3"}[rnd.nextInt(4)]);
    }
    return sb.toString();
  }

  private String pick(List<String> names) {
    return names.get(rnd.nextInt(names.size()));
  }

  String num(int depth) {
    if (depth == 0 || rnd.nextInt(4) == 0) {
      return !nums.isEmpty() && rnd.nextBoolean() ? pick(nums) : Integer.toString(rnd.nextInt(10));
    }
    return switch (rnd.nextInt(12)) {
      case 0 -> num(depth - 1) + " + " + num(depth - 1);
      case 1 -> num(depth - 1) + " - " + num(depth - 1);
      case 2 -> num(depth - 1) + " * " + num(depth - 1);
      case 3 -> "(" + num(depth - 1) + ") / (" + num(depth - 1) + ")";
      case 4 -> "(" + num(depth - 1) + ") % (" + num(depth - 1) + ")";
      case 5 -> "-" + num(depth - 1);
      case 6 -> "if(" + bool(depth - 1) + ", " + num(depth - 1) + ", " + num(depth - 1) + ")";
      case 7 -> "min(" + num(depth - 1) + ", " + num(depth - 1) + ")";
      case 8 -> "max(" + num(depth - 1) + ", " + num(depth - 1) + ", " + num(depth - 1) + ")";
      case 9 -> "round(" + num(depth - 1) + ", " + rnd.nextInt(4) + ")";
      case 10 ->
          "clamp(" + num(depth - 1) + ", " + rnd.nextInt(3) + ", " + (2 + rnd.nextInt(3)) + ")";
      default ->
          new String[] {"abs", "ceil", "floor", "sqrt"}[rnd.nextInt(4)]
              + "(abs("
              + num(depth - 1)
              + "))";
    };
  }

  String bool(int depth) {
    if (depth == 0 || rnd.nextInt(4) == 0) {
      return !bools.isEmpty() && rnd.nextBoolean()
          ? pick(bools)
          : Boolean.toString(rnd.nextBoolean());
    }
    return switch (rnd.nextInt(6)) {
      case 0 -> num(depth - 1) + " < " + num(depth - 1);
      case 1 -> num(depth - 1) + " >= " + num(depth - 1);
      case 2 -> "(" + bool(depth - 1) + ") && (" + bool(depth - 1) + ")";
      case 3 -> "(" + bool(depth - 1) + ") || (" + bool(depth - 1) + ")";
      case 4 -> "!(" + bool(depth - 1) + ")";
      default ->
          strs.isEmpty()
              ? num(depth - 1) + " == " + num(depth - 1)
              : str(depth - 1) + " != " + str(depth - 1);
    };
  }

  String str(int depth) {
    if (depth == 0 || rnd.nextInt(3) == 0 || strs.isEmpty()) {
      return strs.isEmpty() || rnd.nextInt(3) == 0 ? "\"" + material() + "\"" : pick(strs);
    }
    return "if(" + bool(depth - 1) + ", " + str(depth - 1) + ", " + str(depth - 1) + ")";
  }
}
