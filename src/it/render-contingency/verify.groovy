import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
def plainFile = new File(basedir, 'artifacts/param-kernel/rollout-plain.yaml')
def wideFile = new File(basedir, 'artifacts/param-kernel/rollout.yaml')
ItAssertions.assertExists(basedir, 'artifacts/param-kernel/rollout-plain.yaml')
ItAssertions.assertExists(basedir, 'artifacts/param-kernel/rollout.yaml')

// The two renders differ in the one bound and the annotation only: a line diff (longest
// common subsequence) of the two files, compared with the golden contingency.diff.
List<String> a = plainFile.getText('UTF-8').split('\n', -1) as List
List<String> b = wideFile.getText('UTF-8').split('\n', -1) as List
int[][] common = new int[a.size() + 1][b.size() + 1]
for (int i = a.size() - 1; i >= 0; i--) {
  for (int j = b.size() - 1; j >= 0; j--) {
    common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1])
  }
}
def diff = new StringBuilder()
int i = 0
int j = 0
while (i < a.size() || j < b.size()) {
  if (i < a.size() && j < b.size() && a[i] == b[j]) {
    i++; j++
  } else if (j < b.size() && (i == a.size() || common[i][j + 1] > common[i + 1][j])) {
    diff.append("+${j + 1}: ${b[j]}\n"); j++
  } else {
    diff.append("-${i + 1}: ${a[i]}\n"); i++
  }
}
def golden = new File(basedir, 'contingency.diff').getText('UTF-8')
if (diff.toString() != golden) {
  throw new AssertionError("rollout-plain.yaml -> rollout.yaml differs from contingency.diff:\n" + diff)
}

// Said loudly in the log, with where and how to revert
ItAssertions.assertContains(log, '[WARNING] CONTINGENCY: p95 failure bound of latency-p95 in'
    + ' param-kernel-canary-health widened from 0.060 s to 0.08 s until 2099-12-31'
    + ' (reason: INC-4711 noisy first canary)')
ItAssertions.assertContains(log, 'Revert by rendering again without paramkernel.contingency.p95Failure,'
    + ' paramkernel.contingency.reason and paramkernel.contingency.until.')
// validate with plan checks: the declared contingency is a warning, not an error
ItAssertions.assertContains(log, "metric 'latency-p95' runs under a declared contingency until 2099-12-31"
    + ' (reason: INC-4711 noisy first canary)')
ItAssertions.assertNotContains(log, '[ERROR] artifacts/')
ItAssertions.assertContains(log, 'BUILD SUCCESS')

// the step summary carries the banner (second build only)
def summary = new File(basedir, 'github-summary.md').getText('UTF-8')
ItAssertions.assertContains(summary, '### param-kernel contingency in effect')
ItAssertions.assertContains(summary, '> [!WARNING]')
ItAssertions.assertContains(summary, '`param-kernel.kitchen-cpq/contingency`')
return true
