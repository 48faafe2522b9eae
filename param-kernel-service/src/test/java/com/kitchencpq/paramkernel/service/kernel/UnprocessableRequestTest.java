package com.kitchencpq.paramkernel.service.kernel;

import static com.kitchencpq.paramkernel.service.kernel.Requests.err;
import static com.kitchencpq.paramkernel.service.kernel.Requests.model;
import static com.kitchencpq.paramkernel.service.kernel.Requests.params;
import static com.kitchencpq.paramkernel.service.kernel.Requests.withDeltas;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every 422 rule of the contract: code, JSON pointer and a message naming what is wrong. */
class UnprocessableRequestTest {

  private static final String A = "{'name':'a','value':1}";
  private static final String S = "{'name':'s','value':'oak'}";
  private static final String B = "{'name':'b','value':true}";
  private static final String MAT = "{'id':'oak','pricePerM2':10}";

  static Stream<Arguments> cases() {
    return Stream.of(
        // expressions, checked when the model is compiled
        row(
            "syntax",
            params(A + ",{'name':'d','expr':'a +'}"),
            "expression-syntax",
            "/model/parameters/1/expr",
            "offset 3"),
        row(
            "chained comparison",
            params(A + ",{'name':'d','expr':'1 < a < 3'}"),
            "expression-syntax",
            "/model/parameters/1/expr",
            "do not chain"),
        row(
            "unknown function",
            params(A + ",{'name':'d','expr':'pow(a, 2)'}"),
            "expression-syntax",
            "/model/parameters/1/expr",
            "unknown function 'pow'"),
        row(
            "wrong arity",
            params(A + ",{'name':'d','expr':'sqrt(a, 2)'}"),
            "expression-syntax",
            "/model/parameters/1/expr",
            "sqrt()"),
        row(
            "unknown name",
            params(A + ",{'name':'d','expr':'a + nope'}"),
            "unknown-reference",
            "/model/parameters/1/expr",
            "'nope' at offset 4"),
        row(
            "unknown name in untaken branch",
            params(A + ",{'name':'d','expr':'if(true, a, nope)'}"),
            "unknown-reference",
            "/model/parameters/1/expr",
            "nope"),
        row(
            "type mismatch",
            params(A + "," + S + ",{'name':'d','expr':'a + s'}"),
            "type-mismatch",
            "/model/parameters/2/expr",
            "operator '+'"),
        row(
            "type mismatch in untaken branch",
            params(A + "," + S + ",{'name':'d','expr':'if(false, a + s, 1)'}"),
            "type-mismatch",
            "/model/parameters/2/expr",
            "operator '+'"),
        row(
            "if branches differ",
            params(A + "," + S + ",{'name':'d','expr':'if(a > 0, a, s)'}"),
            "type-mismatch",
            "/model/parameters/2/expr",
            "different types"),
        row(
            "type through derived",
            params(S + ",{'name':'d','expr':'s'},{'name':'e','expr':'d * 2'}"),
            "type-mismatch",
            "/model/parameters/2/expr",
            "operator '*'"),
        row(
            "self cycle",
            params("{'name':'d','expr':'d + 1'}"),
            "cycle",
            "/model/parameters/0/expr",
            "d -> d"),
        row(
            "two cycle",
            params("{'name':'x','expr':'y'},{'name':'y','expr':'x'}"),
            "cycle",
            "/model/parameters/0/expr",
            "x -> y -> x"),
        row(
            "cycle through untaken branch",
            params(
                A
                    + ",{'name':'x','expr':'if(true, 1, z)'},{'name':'y','expr':'x'},"
                    + "{'name':'z','expr':'y + a'}"),
            "cycle",
            "/model/parameters/1/expr",
            "x -> z -> y -> x"),
        // evaluation of the model as sent
        row(
            "division by zero",
            params(A + ",{'name':'d','expr':'a / 0'}"),
            "non-finite",
            "/model/parameters/1/expr",
            "parameter 'd' as sent"),
        row(
            "sqrt of negative",
            params("{'name':'a','value':-1},{'name':'d','expr':'sqrt(a)'}"),
            "non-finite",
            "/model/parameters/1/expr",
            "sqrt()"),
        row(
            "min of infinity",
            params(A + ",{'name':'d','expr':'min(1/0, 3)'}"),
            "non-finite",
            "/model/parameters/1/expr",
            "operator '/'"),
        row(
            "literal too large",
            params("{'name':'d','expr':'1e999'}"),
            "non-finite",
            "/model/parameters/0/expr",
            "too large"),
        row(
            "round digits",
            params(A + ",{'name':'d','expr':'round(a, 16)'}"),
            "invalid-argument",
            "/model/parameters/1/expr",
            "0 to 15"),
        row(
            "clamp bounds",
            params(A + ",{'name':'d','expr':'clamp(a, 2, 1)'}"),
            "invalid-argument",
            "/model/parameters/1/expr",
            "clamp()"),
        row(
            "fails as sent although the delta would fix it",
            withDeltas(
                "{'name':'a','value':0},{'name':'d','expr':'1 / a'}",
                "{'op':'set','param':'a','value':2}"),
            "non-finite",
            "/model/parameters/1/expr",
            "as sent"),
        // deltas
        row(
            "unknown delta parameter",
            withDeltas(A, "{'op':'set','param':'zz','value':1}"),
            "unknown-parameter",
            "/deltas/0/param",
            "'zz'"),
        row(
            "delta on derived",
            withDeltas(A + ",{'name':'d','expr':'a'}", "{'op':'add','param':'d','value':1}"),
            "derived-parameter",
            "/deltas/0/param",
            "'d'"),
        row(
            "set wrong type",
            withDeltas(A, "{'op':'set','param':'a','value':'x'}"),
            "type-mismatch",
            "/deltas/0/value",
            "number"),
        row(
            "set boolean to number",
            withDeltas(B, "{'op':'set','param':'b','value':1}"),
            "type-mismatch",
            "/deltas/0/value",
            "boolean"),
        row(
            "add on string",
            withDeltas(S, "{'op':'add','param':'s','value':1}"),
            "type-mismatch",
            "/deltas/0/param",
            "string"),
        row(
            "scale with string",
            withDeltas(A, "{'op':'scale','param':'a','value':'2'}"),
            "type-mismatch",
            "/deltas/0/value",
            "number value"),
        row(
            "add with boolean",
            withDeltas(A, "{'op':'add','param':'a','value':true}"),
            "type-mismatch",
            "/deltas/0/value",
            "number value"),
        row(
            "add overflows",
            withDeltas("{'name':'a','value':1e308}", "{'op':'add','param':'a','value':1e308}"),
            "non-finite",
            "/deltas/0/value",
            "'a'"),
        row(
            "second delta fails",
            withDeltas(
                A, "{'op':'set','param':'a','value':5}," + "{'op':'set','param':'nope','value':5}"),
            "unknown-parameter",
            "/deltas/1/param",
            "'nope'"),
        row(
            "after the deltas",
            withDeltas(A + ",{'name':'d','expr':'1 / a'}", "{'op':'set','param':'a','value':0}"),
            "non-finite",
            "/model/parameters/1/expr",
            "after the deltas"),
        // parts and materials
        row(
            "unknown material",
            model(A, MAT, "{'id':'p','material':'pine','area':1}", ""),
            "unknown-material",
            "/model/parts/0/material",
            "pine"),
        row(
            "materialParam unknown",
            model(A, MAT, "{'id':'p','materialParam':'zz','area':1}", ""),
            "unknown-parameter",
            "/model/parts/0/materialParam",
            "'zz'"),
        row(
            "materialParam not string",
            model(A, MAT, "{'id':'p','materialParam':'a','area':1}", ""),
            "type-mismatch",
            "/model/parts/0/materialParam",
            "number"),
        row(
            "materialParam value not a material",
            model(
                "{'name':'s','value':'pine'}", MAT, "{'id':'p','materialParam':'s','area':1}", ""),
            "unknown-material",
            "/model/parts/0/materialParam",
            "pine"),
        row(
            "materialParam value changed by delta to unknown material",
            model(
                S,
                MAT,
                "{'id':'p','materialParam':'s','area':1}",
                "{'op':'set','param':'s','value':'pine'}"),
            "unknown-material",
            "/model/parts/0/materialParam",
            "pine"),
        row(
            "negative literal area",
            model(A, MAT, "{'id':'p','material':'oak','area':-1}", ""),
            "invalid-part",
            "/model/parts/0/area",
            "negative area"),
        row(
            "negative literal quantity",
            model(A, MAT, "{'id':'p','material':'oak','area':1,'quantity':-2}", ""),
            "invalid-part",
            "/model/parts/0/quantity",
            "negative quantity"),
        row(
            "negative computed area",
            model(A, MAT, "{'id':'p','material':'oak','area':'a - 5'}", ""),
            "invalid-part",
            "/model/parts/0/area",
            "-4"),
        row(
            "negative after delta",
            model(
                A,
                MAT,
                "{'id':'p','material':'oak','area':'a'}",
                "{'op':'scale','param':'a','value':-1}"),
            "invalid-part",
            "/model/parts/0/area",
            "-1"),
        row(
            "non-finite area",
            model(A, MAT, "{'id':'p','material':'oak','area':'a / 0'}", ""),
            "non-finite",
            "/model/parts/0/area",
            "operator '/'"),
        row(
            "non-finite part product",
            model(
                "{'name':'a','value':1e200}",
                MAT,
                "{'id':'p','material':'oak','area':'a','quantity':'a'}",
                ""),
            "non-finite",
            "/model/parts/0",
            "part \"p\""),
        row(
            "part expression syntax",
            model(A, MAT, "{'id':'p','material':'oak','area':'a *'}", ""),
            "expression-syntax",
            "/model/parts/0/area",
            "offset 3"),
        row(
            "part expression unknown name",
            model(A, MAT, "{'id':'p','material':'oak','area':'1','quantity':'n'}", ""),
            "unknown-reference",
            "/model/parts/0/quantity",
            "'n'"),
        row(
            "part expression not a number",
            model(A + "," + S, MAT, "{'id':'p','material':'oak','area':'s'}", ""),
            "type-mismatch",
            "/model/parts/0/area",
            "number expression"),
        row(
            "cost overflows",
            model(
                "{'name':'a','value':1e300}",
                "{'id':'oak','pricePerM2':1e10}",
                "{'id':'p','material':'oak','area':'a'}",
                ""),
            "non-finite",
            "/model/materials/0",
            "oak"));
  }

  private static Arguments row(String name, String body, String code, String ptr, String msg) {
    return Arguments.of(name, body, code, ptr, msg);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answers422(String name, String body, String code, String pointer, String fragment) {
    ApplyDeltaException e = err(body);
    assertThat(e.kind()).as(e.code() + ": " + e.getMessage()).isEqualTo(ErrorKind.UNPROCESSABLE);
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.pointer()).as(e.getMessage()).isEqualTo(pointer);
    assertThat(e.getMessage()).contains(fragment);
  }
}
