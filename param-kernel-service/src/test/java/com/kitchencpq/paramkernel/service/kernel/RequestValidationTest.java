package com.kitchencpq.paramkernel.service.kernel;

import static com.kitchencpq.paramkernel.service.kernel.Requests.err;
import static com.kitchencpq.paramkernel.service.kernel.Requests.model;
import static com.kitchencpq.paramkernel.service.kernel.Requests.ok;
import static com.kitchencpq.paramkernel.service.kernel.Requests.params;
import static com.kitchencpq.paramkernel.service.kernel.Requests.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every 400 rule of the contract: status, code and JSON pointer. */
class RequestValidationTest {

  private static final String A = "{'name':'a','value':1}";
  private static final String MAT = "{'id':'oak','pricePerM2':10}";

  static Stream<Arguments> badRequests() {
    return Stream.of(
        // not JSON at all
        row("empty body", "", "malformed-json", ""),
        row("not json", "hello", "malformed-json", ""),
        row("truncated", params(A).substring(0, 30), "malformed-json", ""),
        row("trailing data", params(A) + " {}", "malformed-json", ""),
        row("trailing garbage", params(A) + "x", "malformed-json", ""),
        row(
            "NaN literal",
            q("{'model':{'id':'m','revision':1,'parameters':[{'name':'a','value':NaN}]}}"),
            "malformed-json",
            ""),
        row(
            "Infinity literal",
            q("{'model':{'id':'m','revision':1,'parameters':[{'name':'a','value':Infinity}]}}"),
            "malformed-json",
            ""),
        row("single quotes", "{'model':1}", "malformed-json", ""),
        row("comment", "/* x */" + params(A), "malformed-json", ""),
        // wrong JSON types
        row("root array", "[]", "invalid-request", ""),
        row("root number", "42", "invalid-request", ""),
        row("model not object", q("{'model':[]}"), "invalid-request", "/model"),
        row("no model", q("{'deltas':[]}"), "invalid-request", "/model"),
        row("null model", q("{'model':null}"), "invalid-request", "/model"),
        row(
            "id number",
            q("{'model':{'id':5,'revision':1,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/id"),
        row(
            "id missing",
            q("{'model':{'revision':1,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/id"),
        row(
            "id empty",
            q("{'model':{'id':'','revision':1,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/id"),
        row(
            "id 129 code points",
            q("{'model':{'id':'" + "x".repeat(129) + "','revision':1,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/id"),
        row(
            "revision missing",
            q("{'model':{'id':'m','parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/revision"),
        row(
            "revision string",
            q("{'model':{'id':'m','revision':'1','parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/revision"),
        row(
            "revision negative",
            q("{'model':{'id':'m','revision':-1,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/revision"),
        row(
            "revision fraction",
            q("{'model':{'id':'m','revision':1.5,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/revision"),
        row(
            "revision 2^53",
            q("{'model':{'id':'m','revision':9007199254740992,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/revision"),
        row(
            "revision exponent beyond BigDecimal",
            q("{'model':{'id':'m','revision':1e9999999999,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/revision"),
        row(
            "revision tiny exponent beyond BigDecimal",
            q("{'model':{'id':'m','revision':1e-9999999999,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/revision"),
        row(
            "revision not quite integral",
            q(
                "{'model':{'id':'m','revision':9007199254740991.00000000000000000001,'parameters':["
                    + A
                    + "]}}"),
            "invalid-request",
            "/model/revision"),
        row(
            "number longer than 1000 characters",
            params("{'name':'a','value':1" + "0".repeat(1000) + "}"),
            "malformed-json",
            ""),
        row(
            "value exponent beyond double",
            params("{'name':'a','value':1e9999999999}"),
            "invalid-request",
            "/model/parameters/0/value"),
        row(
            "revision huge",
            q("{'model':{'id':'m','revision':1e300,'parameters':[" + A + "]}}"),
            "invalid-request",
            "/model/revision"),
        row(
            "parameters missing",
            q("{'model':{'id':'m','revision':1}}"),
            "invalid-request",
            "/model/parameters"),
        row("parameters empty", params(""), "invalid-request", "/model/parameters"),
        row(
            "parameters object",
            q("{'model':{'id':'m','revision':1,'parameters':{}}}"),
            "invalid-request",
            "/model/parameters"),
        row("parameter not object", params("1"), "invalid-request", "/model/parameters/0"),
        row("name missing", params("{'value':1}"), "invalid-request", "/model/parameters/0/name"),
        row(
            "name number",
            params("{'name':1,'value':1}"),
            "invalid-request",
            "/model/parameters/0/name"),
        row(
            "name pattern digit",
            params(A + ",{'name':'1a','value':1}"),
            "invalid-request",
            "/model/parameters/1/name"),
        row(
            "name pattern dash",
            params("{'name':'a-b','value':1}"),
            "invalid-request",
            "/model/parameters/0/name"),
        row(
            "name trailing dot",
            params("{'name':'a.','value':1}"),
            "invalid-request",
            "/model/parameters/0/name"),
        row(
            "name double dot",
            params("{'name':'a..b','value':1}"),
            "invalid-request",
            "/model/parameters/0/name"),
        row(
            "name true",
            params("{'name':'true','value':1}"),
            "invalid-request",
            "/model/parameters/0/name"),
        row(
            "name false",
            params("{'name':'false','expr':'1'}"),
            "invalid-request",
            "/model/parameters/0/name"),
        row("duplicate names", params(A + "," + A), "invalid-request", "/model/parameters/1/name"),
        row(
            "value and expr",
            params("{'name':'a','value':1,'expr':'2'}"),
            "invalid-request",
            "/model/parameters/0/expr"),
        row(
            "neither value nor expr",
            params("{'name':'a'}"),
            "invalid-request",
            "/model/parameters/0/value"),
        row(
            "value null",
            params("{'name':'a','value':null}"),
            "invalid-request",
            "/model/parameters/0/value"),
        row(
            "value array",
            params("{'name':'a','value':[1]}"),
            "invalid-request",
            "/model/parameters/0/value"),
        row(
            "value object",
            params("{'name':'a','value':{}}"),
            "invalid-request",
            "/model/parameters/0/value"),
        row(
            "value out of double range",
            params("{'name':'a','value':1e400}"),
            "invalid-request",
            "/model/parameters/0/value"),
        row(
            "expr number",
            params("{'name':'a','expr':5}"),
            "invalid-request",
            "/model/parameters/0/expr"),
        row(
            "expr too long",
            params(A + ",{'name':'b','expr':'" + "1+".repeat(5000) + "1'}"),
            "invalid-request",
            "/model/parameters/1/expr"),
        row(
            "unit number",
            params("{'name':'a','value':1,'unit':5}"),
            "invalid-request",
            "/model/parameters/0/unit"),
        row(
            "min string",
            params("{'name':'a','value':1,'min':'0'}"),
            "invalid-request",
            "/model/parameters/0/min"),
        row(
            "min on string param",
            params("{'name':'a','value':'x','min':0}"),
            "invalid-request",
            "/model/parameters/0/min"),
        row(
            "max on boolean param",
            params("{'name':'a','value':true,'max':0}"),
            "invalid-request",
            "/model/parameters/0/max"),
        row(
            "step on string param",
            params("{'name':'a','value':'x','step':1}"),
            "invalid-request",
            "/model/parameters/0/step"),
        row(
            "step zero",
            params("{'name':'a','value':1,'step':0}"),
            "invalid-request",
            "/model/parameters/0/step"),
        row(
            "step negative",
            params("{'name':'a','value':1,'step':-1}"),
            "invalid-request",
            "/model/parameters/0/step"),
        row(
            "min greater than max",
            params("{'name':'a','value':1,'min':5,'max':4}"),
            "invalid-request",
            "/model/parameters/0/min"),
        row(
            "options on number",
            params("{'name':'a','value':1,'options':['1']}"),
            "invalid-request",
            "/model/parameters/0/options"),
        row(
            "options not array",
            params("{'name':'a','value':'x','options':'x'}"),
            "invalid-request",
            "/model/parameters/0/options"),
        row(
            "options element number",
            params("{'name':'a','value':'x','options':['x',1]}"),
            "invalid-request",
            "/model/parameters/0/options/1"),
        row(
            "min on derived string",
            params("{'name':'a','expr':'`x`','min':1}"),
            "invalid-request",
            "/model/parameters/0/min"),
        row(
            "options on derived number",
            params("{'name':'a','expr':'1+1','options':['2']}"),
            "invalid-request",
            "/model/parameters/0/options"),
        row(
            "duplicate field",
            params("{'name':'a','value':1,'value':2}"),
            "invalid-request",
            "/model/parameters/0/value"),
        // materials
        row(
            "material id missing",
            model(A, "{'pricePerM2':1}", "", ""),
            "invalid-request",
            "/model/materials/0/id"),
        row(
            "material price missing",
            model(A, "{'id':'oak'}", "", ""),
            "invalid-request",
            "/model/materials/0/pricePerM2"),
        row(
            "material price negative",
            model(A, "{'id':'oak','pricePerM2':-1}", "", ""),
            "invalid-request",
            "/model/materials/0/pricePerM2"),
        row(
            "material price string",
            model(A, "{'id':'oak','pricePerM2':'1'}", "", ""),
            "invalid-request",
            "/model/materials/0/pricePerM2"),
        row(
            "material name number",
            model(A, "{'id':'oak','name':1,'pricePerM2':1}", "", ""),
            "invalid-request",
            "/model/materials/0/name"),
        row(
            "duplicate material ids",
            model(A, MAT + "," + MAT, "", ""),
            "invalid-request",
            "/model/materials/1/id"),
        row(
            "materials not array",
            q("{'model':{'id':'m','revision':1,'parameters':[" + A + "],'materials':{}}}"),
            "invalid-request",
            "/model/materials"),
        // parts
        row(
            "part id missing",
            model(A, MAT, "{'material':'oak','area':1}", ""),
            "invalid-request",
            "/model/parts/0/id"),
        row(
            "part area missing",
            model(A, MAT, "{'id':'p','material':'oak'}", ""),
            "invalid-request",
            "/model/parts/0/area"),
        row(
            "part material and materialParam",
            model(A, MAT, "{'id':'p','material':'oak','materialParam':'a','area':1}", ""),
            "invalid-request",
            "/model/parts/0/materialParam"),
        row(
            "part without material",
            model(A, MAT, "{'id':'p','area':1}", ""),
            "invalid-request",
            "/model/parts/0/material"),
        row(
            "part area boolean",
            model(A, MAT, "{'id':'p','material':'oak','area':true}", ""),
            "invalid-request",
            "/model/parts/0/area"),
        row(
            "part quantity array",
            model(A, MAT, "{'id':'p','material':'oak','area':1,'quantity':[]}", ""),
            "invalid-request",
            "/model/parts/0/quantity"),
        row(
            "duplicate part ids",
            model(
                A,
                MAT,
                "{'id':'p','material':'oak','area':1},{'id':'p','material':'oak','area':1}",
                ""),
            "invalid-request",
            "/model/parts/1/id"),
        // deltas
        row(
            "deltas object",
            q("{'model':{'id':'m','revision':1,'parameters':[" + A + "]},'deltas':{}}"),
            "invalid-request",
            "/deltas"),
        row(
            "unknown op",
            model(A, "", "", "{'op':'mul','param':'a','value':2}"),
            "invalid-request",
            "/deltas/0/op"),
        row(
            "op missing",
            model(A, "", "", "{'param':'a','value':2}"),
            "invalid-request",
            "/deltas/0/op"),
        row(
            "param missing",
            model(A, "", "", "{'op':'set','value':2}"),
            "invalid-request",
            "/deltas/0/param"),
        row(
            "delta value missing",
            model(A, "", "", "{'op':'set','param':'a'}"),
            "invalid-request",
            "/deltas/0/value"),
        row(
            "delta value null",
            model(A, "", "", "{'op':'set','param':'a','value':null}"),
            "invalid-request",
            "/deltas/0/value"),
        row(
            "delta value object",
            model(A, "", "", "{'op':'set','param':'a','value':{}}"),
            "invalid-request",
            "/deltas/0/value"),
        row(
            "delta not object",
            model(A, "", "", "{'op':'set','param':'a','value':1},5"),
            "invalid-request",
            "/deltas/1"));
  }

  private static Arguments row(String name, String body, String code, String pointer) {
    return Arguments.of(name, body, code, pointer);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void answers400(String name, String body, String code, String pointer) {
    ApplyDeltaException e = err(body);
    assertThat(e.kind()).as(e.getMessage()).isEqualTo(ErrorKind.BAD_REQUEST);
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.pointer()).as(e.getMessage()).isEqualTo(pointer);
    assertThat(e.getMessage()).isNotBlank();
  }

  @Test
  void invalidUtf8IsMalformedJson() {
    byte[] body = params("{'name':'a','value':'xx'}").getBytes(StandardCharsets.UTF_8);
    int at = new String(body, StandardCharsets.UTF_8).indexOf("xx");
    body[at] = (byte) 0xC3; // start of a two-byte sequence followed by ASCII
    ApplyDeltaException e = err(body);
    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
    assertThat(e.code()).isEqualTo("malformed-json");
    assertThat(e.pointer()).isEmpty();

    byte[] overlong = params(A).getBytes(StandardCharsets.UTF_8);
    byte[] withOverlong = new byte[overlong.length + 2];
    System.arraycopy(overlong, 0, withOverlong, 0, overlong.length);
    withOverlong[overlong.length] = (byte) 0xC0; // overlong encoding of '/'
    withOverlong[overlong.length + 1] = (byte) 0xAF;
    assertThat(err(withOverlong).code()).isEqualTo("malformed-json");

    byte[] surrogate =
        q("{'model':{'id':'\u0000\u0000\u0000','revision':1,'parameters':[" + A + "]}}")
            .getBytes(StandardCharsets.UTF_8);
    int idAt = new String(surrogate, StandardCharsets.UTF_8).indexOf('\u0000');
    surrogate[idAt] = (byte) 0xED; // U+D800 encoded directly: not valid UTF-8
    surrogate[idAt + 1] = (byte) 0xA0;
    surrogate[idAt + 2] = (byte) 0x80;
    assertThat(err(surrogate).code()).isEqualTo("malformed-json");
  }

  @Test
  void nullOptionalFieldsAreAbsent() {
    String body =
        q(
            "{'model':{'id':'m','revision':1,'parameters':[{'name':'a','value':1,'unit':null,"
                + "'min':null,'max':null,'step':null,'options':null,'expr':null}],'materials':null,"
                + "'parts':null},'deltas':null}");
    assertThat(ok(body))
        .isEqualTo(
            "{\"modelId\":\"m\",\"revision\":2,\"changed\":{},\"materials\":[],\"total\":0,\"violations\":[]}");
  }

  @Test
  void unknownFieldsAreIgnoredAtEveryLevel() {
    String body =
        q(
            "{'x':[1,{'y':[[[]]]}],'model':{'id':'m','z':null,'revision':1,'parameters':"
                + "[{'name':'a','value':1,'doc':{'a':[1,2]}}],'materials':[{'id':'oak','pricePerM2':1,"
                + "'tags':['x']}],'parts':[{'id':'p','material':'oak','area':2,'note':'n'}]},"
                + "'deltas':[{'op':'add','param':'a','value':1,'why':'test'}],'client':'c'}");
    assertThat(ok(body)).contains("\"changed\":{\"a\":2}").contains("\"total\":2");
  }

  @Test
  void revisionAcceptsIntegralNumbersInAnyNotation() {
    assertThat(ok(q("{'model':{'id':'m','revision':3.0,'parameters':[" + A + "]}}")))
        .contains("\"revision\":4,");
    assertThat(ok(q("{'model':{'id':'m','revision':2e1,'parameters':[" + A + "]}}")))
        .contains("\"revision\":21,");
    assertThat(ok(q("{'model':{'id':'m','revision':-0,'parameters':[" + A + "]}}")))
        .contains("\"revision\":1,");
    assertThat(ok(q("{'model':{'id':'m','revision':0e99999999999,'parameters':[" + A + "]}}")))
        .contains("\"revision\":1,");
    assertThat(ok(q("{'model':{'id':'m','revision':9007199254740991,'parameters':[" + A + "]}}")))
        .contains("\"revision\":9007199254740992,");
    assertThat(ok(q("{'model':{'id':'m','revision':9007199254740991.0,'parameters':[" + A + "]}}")))
        .contains("\"revision\":9007199254740992,");
  }

  @Test
  void idLengthCountsCodePoints() {
    String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 chars
    String id128 = emoji.repeat(128);
    assertThat(ok(q("{'model':{'id':'" + id128 + "','revision':1,'parameters':[" + A + "]}}")))
        .contains("\"modelId\":\"" + "\\ud83d\\ude00".repeat(128) + "\"");
    ApplyDeltaException e =
        err(q("{'model':{'id':'" + id128 + "x','revision':1,'parameters':[" + A + "]}}"));
    assertThat(e.pointer()).isEqualTo("/model/id");
  }

  @Test
  void limitsOnArraySizes() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= RequestReader.MAX_PARAMETERS; i++) {
      many.append(i == 0 ? "" : ",").append("{'name':'p").append(i).append("','value':1}");
    }
    ApplyDeltaException e = err(params(many.toString()));
    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
    assertThat(e.pointer()).isEqualTo("/model/parameters/10000");

    StringBuilder deltas = new StringBuilder();
    for (int i = 0; i <= RequestReader.MAX_DELTAS; i++) {
      deltas.append(i == 0 ? "" : ",").append("{'op':'add','param':'a','value':1}");
    }
    e = err(model(A, "", "", deltas.toString()));
    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
    assertThat(e.pointer()).isEqualTo("/deltas/1000");

    StringBuilder mats = new StringBuilder();
    for (int i = 0; i <= RequestReader.MAX_MATERIALS; i++) {
      mats.append(i == 0 ? "" : ",").append("{'id':'m").append(i).append("','pricePerM2':1}");
    }
    e = err(model(A, mats.toString(), "", ""));
    assertThat(e.pointer()).isEqualTo("/model/materials/1000");
  }

  @Test
  void deepJsonNestingIsA400NotACrash() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    ApplyDeltaException e =
        err(q("{'x':" + deep + ",'model':{'id':'m','revision':1,'parameters':[" + A + "]}}"));
    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
    assertThat(e.code()).isEqualTo("malformed-json");
  }

  @Test
  void fourHundredWinsOverFourTwentyTwo() {
    // expression syntax error (422) in one parameter, min on a derived string (400) in another
    ApplyDeltaException e =
        err(params("{'name':'a','expr':'1 +'},{'name':'b','expr':'`s`','max':2}"));
    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
    assertThat(e.pointer()).isEqualTo("/model/parameters/1/max");
    // unknown delta parameter (422) and a structural error in a later delta (400)
    e = err(model(A, "", "", "{'op':'set','param':'zz','value':1},{'op':'set','param':'a'}"));
    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
    // unknown reference (422) and duplicate names (400)
    e = err(params("{'name':'a','expr':'nope'}," + A));
    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
    assertThat(e.pointer()).isEqualTo("/model/parameters/1/name");
  }
}
