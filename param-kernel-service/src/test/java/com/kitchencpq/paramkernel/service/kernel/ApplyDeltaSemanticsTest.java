package com.kitchencpq.paramkernel.service.kernel;

import static com.kitchencpq.paramkernel.service.kernel.Requests.bill;
import static com.kitchencpq.paramkernel.service.kernel.Requests.changed;
import static com.kitchencpq.paramkernel.service.kernel.Requests.model;
import static com.kitchencpq.paramkernel.service.kernel.Requests.ok;
import static com.kitchencpq.paramkernel.service.kernel.Requests.params;
import static com.kitchencpq.paramkernel.service.kernel.Requests.violations;
import static com.kitchencpq.paramkernel.service.kernel.Requests.withDeltas;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 200 answer: changed, bill, violations, revision, exactly as the contract computes them. */
class ApplyDeltaSemanticsTest {

  @Test
  void wholeResponseForASmallKitchen() {
    String body =
        model(
            "{'name':'w','value':600,'min':300,'max':1200,'step':50},"
                + "{'name':'h','value':720},"
                + "{'name':'front','value':'oak','options':['oak','ash']},"
                + "{'name':'area','expr':'round(w * h / 1000000, 4)'},"
                + "{'name':'big','expr':'w > 800'}",
            "{'id':'oak','name':'Oak','pricePerM2':80},{'id':'ash','pricePerM2':60},"
                + "{'id':'unused','pricePerM2':5}",
            "{'id':'door','materialParam':'front','quantity':2,'area':'area'},"
                + "{'id':'top','material':'oak','area':0.5}",
            "{'op':'set','param':'w','value':900},{'op':'set','param':'front','value':'ash'}");
    assertThat(ok(body))
        .isEqualTo(
            "{\"modelId\":\"m\",\"revision\":2,"
                + "\"changed\":{\"w\":900,\"front\":\"ash\",\"area\":0.648,\"big\":true},"
                + "\"materials\":[{\"id\":\"oak\",\"area\":0.5,\"cost\":40},"
                + "{\"id\":\"ash\",\"area\":1.296,\"cost\":77.76},"
                + "{\"id\":\"unused\",\"area\":0,\"cost\":0}],"
                + "\"total\":117.76,\"violations\":[]}");
  }

  @Test
  void deltasApplyInOrder() {
    String r =
        ok(
            withDeltas(
                "{'name':'a','value':10}",
                "{'op':'add','param':'a','value':5},{'op':'scale','param':'a','value':2},"
                    + "{'op':'add','param':'a','value':-1}"));
    assertThat(changed(r)).isEqualTo("{\"a\":29}");
  }

  @Test
  void changedListsInputsAndDerivedInModelOrder() {
    String r =
        ok(
            withDeltas(
                "{'name':'d2','expr':'d1 + 1'},{'name':'x','value':1},{'name':'d1','expr':'x * 2'},"
                    + "{'name':'y','value':5},{'name':'same','expr':'y'}",
                "{'op':'set','param':'x','value':2}"));
    assertThat(changed(r)).isEqualTo("{\"d2\":5,\"x\":2,\"d1\":4}");
  }

  @Test
  void deltaBackToTheOriginalValueIsNoChange() {
    String r =
        ok(
            withDeltas(
                "{'name':'a','value':3},{'name':'d','expr':'a * 2'}",
                "{'op':'add','param':'a','value':1},{'op':'add','param':'a','value':-1}"));
    assertThat(changed(r)).isEqualTo("{}");
  }

  @Test
  void negativeZeroEqualsZero() {
    String r =
        ok(
            withDeltas(
                "{'name':'a','value':0},{'name':'d','expr':'a * 1'},{'name':'e','expr':'a == 0'}",
                "{'op':'set','param':'a','value':-0.0}"));
    assertThat(changed(r)).isEqualTo("{}");
    r = ok(withDeltas("{'name':'a','value':5}", "{'op':'scale','param':'a','value':-0.0}"));
    assertThat(changed(r)).isEqualTo("{\"a\":0}");
  }

  @Test
  void stringsAndBooleansChange() {
    String r =
        ok(
            withDeltas(
                "{'name':'s','value':'a'},{'name':'b','value':false},"
                    + "{'name':'t','expr':'if(b, s, `none`)'},{'name':'nb','expr':'!b'}",
                "{'op':'set','param':'b','value':true},{'op':'set','param':'s','value':'q`x'}"));
    assertThat(changed(r)).isEqualTo("{\"s\":\"q\\\"x\",\"b\":true,\"t\":\"q\\\"x\",\"nb\":false}");
  }

  @Test
  void lazyBranchesAreNotEvaluated() {
    String r =
        ok(
            withDeltas(
                "{'name':'a','value':0},{'name':'safe','expr':'if(a == 0, 0, 10 / a)'},"
                    + "{'name':'and','expr':'a != 0 && 10 / a > 1'},"
                    + "{'name':'or','expr':'a == 0 || sqrt(a - 1) > 0'}",
                "{'op':'set','param':'a','value':5}"));
    // "or" stays true: before the delta the sqrt branch was skipped, after it is evaluated
    assertThat(changed(r)).isEqualTo("{\"a\":5,\"safe\":2,\"and\":true}");
  }

  @Test
  void derivedStringCanBeAMaterialParam() {
    String r =
        ok(
            model(
                "{'name':'premium','value':false},"
                    + "{'name':'mat','expr':'if(premium, `oak`, `pine`)'}",
                "{'id':'oak','pricePerM2':100},{'id':'pine','pricePerM2':10}",
                "{'id':'p','materialParam':'mat','area':2}",
                "{'op':'set','param':'premium','value':true}"));
    assertThat(bill(r))
        .isEqualTo(
            "\"materials\":[{\"id\":\"oak\",\"area\":2,\"cost\":200},"
                + "{\"id\":\"pine\",\"area\":0,\"cost\":0}],\"total\":200");
  }

  @Test
  void defaultQuantityIsOneAndZeroIsFine() {
    String r =
        ok(
            model(
                "{'name':'a','value':1}",
                "{'id':'oak','pricePerM2':3}",
                "{'id':'p','material':'oak','area':2},{'id':'q','material':'oak','area':5,'quantity':0}",
                ""));
    assertThat(bill(r))
        .isEqualTo("\"materials\":[{\"id\":\"oak\",\"area\":2,\"cost\":6}],\"total\":6");
  }

  @ParameterizedTest(name = "area {0} x price {1} -> area {2}, cost {3}")
  @CsvSource({
    // half away from zero, 4 decimals for the area, 2 for the cost of the unrounded area
    "0.5, 0.25, 0.5, 0.13",
    "0.125, 1, 0.125, 0.13",
    "0.00005, 1, 0.0001, 0",
    "0.00004, 1, 0, 0",
    "1.23456, 10, 1.2346, 12.35",
    "2.5, 0.001, 2.5, 0",
    "2.5, 0.002, 2.5, 0.01",
    "3, 0, 3, 0"
  })
  void billRounding(String area, String price, String roundedArea, String cost) {
    String r =
        ok(
            model(
                "{'name':'a','value':1}",
                "{'id':'m','pricePerM2':" + price + "}",
                "{'id':'p','material':'m','area':" + area + "}",
                ""));
    assertThat(bill(r))
        .isEqualTo(
            "\"materials\":[{\"id\":\"m\",\"area\":"
                + roundedArea
                + ",\"cost\":"
                + cost
                + "}],\"total\":"
                + cost);
  }

  @Test
  void totalIsTheSumOfRoundedCosts() {
    // each cost 0.125 rounds to 0.13: total 0.26, not round(0.25) = 0.25
    String r =
        ok(
            model(
                "{'name':'a','value':1}",
                "{'id':'x','pricePerM2':0.25},{'id':'y','pricePerM2':0.25}",
                "{'id':'p','material':'x','area':0.5},{'id':'q','material':'y','area':0.5}",
                ""));
    assertThat(r).contains("\"total\":0.26,");
  }

  @Test
  void areasAreSummedLeftToRightInPartsOrder() {
    String big = "{'id':'big','material':'m','area':1e16}";
    String one1 = "{'id':'o1','material':'m','area':1}";
    String one2 = "{'id':'o2','material':'m','area':1}";
    String mat = "{'id':'m','pricePerM2':0}";
    assertThat(ok(model("{'name':'a','value':1}", mat, big + "," + one1 + "," + one2, "")))
        .contains("\"area\":10000000000000000,");
    assertThat(ok(model("{'name':'a','value':1}", mat, one1 + "," + one2 + "," + big, "")))
        .contains("\"area\":10000000000000002,");
  }

  @Test
  void costUsesTheUnroundedArea() {
    // area 0.33334 rounds to 0.3333; cost 0.33334 * 1000 = 333.34 (not 333.3)
    String r =
        ok(
            model(
                "{'name':'a','value':1}",
                "{'id':'m','pricePerM2':1000}",
                "{'id':'p','material':'m','area':0.33334}",
                ""));
    assertThat(bill(r)).contains("\"area\":0.3333,\"cost\":333.34");
  }

  @Test
  void violationsInModelOrderAndRuleOrder() {
    String r =
        ok(
            params(
                "{'name':'ok','value':5,'min':0,'max':10,'step':1},"
                    + "{'name':'low','value':4,'min':5,'step':2},"
                    + "{'name':'high','value':12,'max':10,'step':5},"
                    + "{'name':'color','value':'red','options':['blue','green']},"
                    + "{'name':'d','expr':'high * 2','max':20},"
                    + "{'name':'c2','expr':'color','options':['red']}"));
    assertThat(violations(r))
        .isEqualTo(
            "[{\"param\":\"low\",\"rule\":\"min\",\"message\":\"'low' is 4, below its min 5\"},"
                + "{\"param\":\"low\",\"rule\":\"step\",\"message\":\"'low' is 4, not on a step of"
                + " 2 from 5\"},{\"param\":\"high\",\"rule\":\"max\",\"message\":\"'high' is 12,"
                + " above its max 10\"},{\"param\":\"high\",\"rule\":\"step\",\"message\":\"'high'"
                + " is 12, not on a step of 5 from 0\"},"
                + "{\"param\":\"color\",\"rule\":\"options\",\"message\":\"'color' is \\\"red\\\","
                + " which is not one of its 2"
                + " options\"},{\"param\":\"d\",\"rule\":\"max\",\"message\":\"'d' is 24, above its"
                + " max 20\"}]");
  }

  @Test
  void violationsUseValuesAfterTheDeltas() {
    String r =
        ok(
            withDeltas(
                "{'name':'a','value':20,'max':10},{'name':'b','value':1,'max':10}",
                "{'op':'set','param':'a','value':5},{'op':'set','param':'b','value':11}"));
    assertThat(violations(r))
        .startsWith("[{\"param\":\"b\",\"rule\":\"max\"")
        .doesNotContain("\"a\"");
  }

  @ParameterizedTest(name = "value {0}, step {1}, min {2}: violation {3}")
  @CsvSource({
    "1e-9, 1, , false", // deviation exactly 1e-9: not a violation
    "-1e-9, 1, , false",
    "5e-10, 0.5, , false", // (5e-10 - 0) / 0.5 is exactly 1e-9
    "1.0000000001e-9, 1, , true",
    "2e-9, 1, , true",
    "0.3, 0.1, , false", // 0.3 / 0.1 = 2.9999999999999996, within 1e-9 of 3
    "7, 2, 1, false", // base is min
    "7, 2, , true",
    "-4, 2, -6, false",
    "1e300, 1e-300, , false" // quotient overflows: counted as on the step
  })
  void stepRule(double value, double step, Double min, boolean violated) {
    Request.Param p = new Request.Param();
    p.step = step;
    p.min = min == null ? Double.NaN : min;
    assertThat(Evaluation.offStep(value, p)).isEqualTo(violated);
  }

  @Test
  void stepBoundaryThroughTheKernel() {
    String r =
        ok(
            params(
                "{'name':'exact','value':1e-9,'step':1},{'name':'over','value':1.0000000001e-9,'step':1}"));
    assertThat(violations(r)).contains("\"param\":\"over\"").doesNotContain("\"param\":\"exact\"");
  }

  @Test
  void optionsAreCheckedOnlyForStrings() {
    String r = ok(params("{'name':'s','value':'a','options':[]}"));
    assertThat(violations(r)).contains("\"rule\":\"options\"");
  }

  @Test
  void revisionIsIncremented() {
    assertThat(ok(params("{'name':'a','value':1}"))).contains("\"revision\":2,");
  }

  @Test
  void unusedMaterialsAppearWithZeros() {
    String r = ok(model("{'name':'a','value':1}", "{'id':'z','pricePerM2':9}", "", ""));
    assertThat(bill(r))
        .isEqualTo("\"materials\":[{\"id\":\"z\",\"area\":0,\"cost\":0}],\"total\":0");
  }
}
