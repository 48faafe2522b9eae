package com.kitchencpq.paramkernel.service.kernel;

import static com.kitchencpq.paramkernel.service.kernel.Requests.changed;
import static com.kitchencpq.paramkernel.service.kernel.Requests.params;
import static com.kitchencpq.paramkernel.service.kernel.Requests.withDeltas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ShapeCacheTest {

  private static String run(ApplyDeltaKernel k, String json) throws ApplyDeltaException {
    return new String(k.apply(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @Test
  void sameShapeWithOtherValuesHitsTheCache() throws Exception {
    ApplyDeltaKernel k = new ApplyDeltaKernel(8);
    String shape = "{'name':'a','value':%s},{'name':'d','expr':'a * 2'}";
    String r1 = run(k, withDeltas(String.format(shape, 1), "{'op':'add','param':'a','value':1}"));
    String r2 = run(k, withDeltas(String.format(shape, 10), "{'op':'add','param':'a','value':5}"));
    assertThat(changed(r1)).isEqualTo("{\"a\":2,\"d\":4}");
    assertThat(changed(r2)).isEqualTo("{\"a\":15,\"d\":30}");
    assertThat(k.cachedShapes()).isEqualTo(1);
    assertThat(k.cacheHits()).isEqualTo(1);
  }

  @Test
  void rulesAndMaterialsAreNotPartOfTheShape() throws Exception {
    ApplyDeltaKernel k = new ApplyDeltaKernel(8);
    run(k, params("{'name':'a','value':1,'max':5}"));
    String r = run(k, params("{'name':'a','value':1,'max':0}"));
    assertThat(r).contains("\"rule\":\"max\"");
    assertThat(k.cacheHits()).isEqualTo(1);
    // a cached shape still gets the 400 rules checked per request
    ApplyDeltaException e =
        catchThrowableOfType(
            ApplyDeltaException.class,
            () -> run(k, params("{'name':'a','value':1,'options':['x']}")));
    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
  }

  @Test
  void differentExpressionsOrTypesNeverShareAnEntry() throws Exception {
    ApplyDeltaKernel k = new ApplyDeltaKernel(16);
    String[] models = {
      params("{'name':'a','value':1},{'name':'d','expr':'a + 1'}"),
      params("{'name':'a','value':1},{'name':'d','expr':'a + 2'}"),
      params("{'name':'a','value':1},{'name':'d','expr':'a+1'}"),
      params("{'name':'d','expr':'a + 1'},{'name':'a','value':1}"),
      // names that would collide if the key were plain concatenation
      params("{'name':'ab','value':1},{'name':'c','expr':'ab'}"),
      params("{'name':'a','value':1},{'name':'bc','expr':'a'}"),
    };
    for (String m : models) {
      run(k, m);
    }
    assertThat(k.cachedShapes()).isEqualTo(models.length);
    assertThat(k.cacheHits()).isZero();

    // same names, input type changes from number to string: must be compiled again
    run(k, params("{'name':'a','value':1},{'name':'d','expr':'a * 2'}"));
    ApplyDeltaException e =
        catchThrowableOfType(
            ApplyDeltaException.class,
            () -> run(k, params("{'name':'a','value':'x'},{'name':'d','expr':'a * 2'}")));
    assertThat(e.code()).isEqualTo("type-mismatch");
  }

  @Test
  void keysCompareEveryCharacterAndEveryBoundary() {
    ShapeKey a = key("P", "ab", "c");
    assertThat(a).isEqualTo(key("P", "ab", "c")).hasSameHashCodeAs(key("P", "ab", "c"));
    assertThat(a).isNotEqualTo(key("P", "a", "bc"));
    assertThat(a).isNotEqualTo(key("P", "ab", "c", ""));
    // same length, same sampled characters, different in a character the hash does not sample
    ShapeKey long1 = key("P", "abcdefghijklmnopqrstuvwxyz");
    ShapeKey long2 = key("P", "Abcdefghijklmnopqrstuvwxyz");
    assertThat(long1.hashCode()).isEqualTo(long2.hashCode());
    assertThat(long1).isNotEqualTo(long2);
    // lone surrogates are distinct characters
    assertThat(key("P", "\ud800")).isNotEqualTo(key("P", "\ud801"));
    assertThat(a.compact()).isEqualTo(a);
  }

  private static ShapeKey key(String tags, String... strings) {
    ShapeKey k = new ShapeKey(1);
    for (char c : tags.toCharArray()) {
      k.tag(c);
    }
    for (String s : strings) {
      k.string(s);
    }
    return k;
  }

  @Test
  void stringLiteralsWithLoneSurrogatesAreDifferentShapes() throws Exception {
    ApplyDeltaKernel k = new ApplyDeltaKernel(8);
    String m = "{'name':'x','value':1},{'name':'d','expr':'`%s`','options':['\\ud800']}";
    assertThat(run(k, params(String.format(m, "\\ud800")))).contains("\"violations\":[]");
    assertThat(run(k, params(String.format(m, "\\ud801")))).contains("\"rule\":\"options\"");
    assertThat(k.cachedShapes()).isEqualTo(2);
  }

  @Test
  void partStructureIsPartOfTheShape() throws Exception {
    ApplyDeltaKernel k = new ApplyDeltaKernel(16);
    String base =
        "{'model':{'id':'m','revision':1,'parameters':[{'name':'a','value':2},"
            + "{'name':'s','value':'oak'}],'materials':[{'id':'oak','pricePerM2':1}],'parts':[%s]}}";
    String lit = Requests.q(String.format(base, "{'id':'p','material':'oak','area':3}"));
    String expr = Requests.q(String.format(base, "{'id':'p','material':'oak','area':'a'}"));
    String param = Requests.q(String.format(base, "{'id':'p','materialParam':'s','area':'a'}"));
    assertThat(run(k, lit)).contains("\"area\":3,");
    assertThat(run(k, expr)).contains("\"area\":2,");
    assertThat(run(k, param)).contains("\"area\":2,");
    assertThat(k.cachedShapes()).isEqualTo(3);
  }

  @Test
  void failingShapesAreNotCached() {
    ApplyDeltaKernel k = new ApplyDeltaKernel(8);
    for (int i = 0; i < 2; i++) {
      ApplyDeltaException e =
          catchThrowableOfType(
              ApplyDeltaException.class, () -> run(k, params("{'name':'d','expr':'nope'}")));
      assertThat(e.code()).isEqualTo("unknown-reference");
    }
    assertThat(k.cachedShapes()).isZero();
  }

  @Test
  void cacheIsBoundedLeastRecentlyUsed() throws Exception {
    ApplyDeltaKernel k = new ApplyDeltaKernel(2);
    String m1 = params("{'name':'a','value':1}");
    String m2 = params("{'name':'b','value':1}");
    String m3 = params("{'name':'c','value':1}");
    run(k, m1);
    run(k, m2);
    run(k, m1); // m1 most recently used
    run(k, m3); // evicts m2
    assertThat(k.cachedShapes()).isEqualTo(2);
    long hits = k.cacheHits();
    run(k, m1);
    assertThat(k.cacheHits()).isEqualTo(hits + 1);
    run(k, m2);
    assertThat(k.cacheHits()).isEqualTo(hits + 1);
  }

  @Test
  void zeroEntriesDisablesCaching() throws Exception {
    ApplyDeltaKernel k = new ApplyDeltaKernel(0);
    run(k, params("{'name':'a','value':1}"));
    run(k, params("{'name':'a','value':1}"));
    assertThat(k.cachedShapes()).isZero();
  }

  @Test
  void concurrentRequestsGetTheSameAnswersAsSequentialOnes() throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    bodies.add(BaselinePayload.request());
    for (int i = 0; i < 6; i++) {
      bodies.add(
          withDeltas(
                  "{'name':'a','value':" + i + "},{'name':'d','expr':'a * " + (i % 3) + "'}",
                  "{'op':'add','param':'a','value':" + i + "}")
              .getBytes(StandardCharsets.UTF_8));
    }
    List<String> expected = new ArrayList<>();
    ApplyDeltaKernel fresh = new ApplyDeltaKernel(0);
    for (byte[] b : bodies) {
      expected.add(new String(fresh.apply(b), StandardCharsets.UTF_8));
    }
    ApplyDeltaKernel shared = new ApplyDeltaKernel(3);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 300; i++) {
                    int which = (i * 7 + seed) % bodies.size();
                    String got =
                        new String(shared.apply(bodies.get(which)), StandardCharsets.UTF_8);
                    assertThat(got).isEqualTo(expected.get(which));
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
