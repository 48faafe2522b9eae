import com.kitchencpq.paramkernel.it.ItAssertions
import groovy.json.JsonSlurper
import java.time.Instant

def state = new Properties()
new File(basedir, 'case.properties').withReader { state.load(it) }
def address = "http://127.0.0.1:${state.port}"
def start = Instant.parse(state.start)
def log = ItAssertions.buildLog(basedir)
def refused = "Post \"${address}/api/v1/query\": dial tcp 127.0.0.1:${state.port}: connect: connection refused"
ItAssertions.assertContains(log, "[INFO]     5  ${start.plusSeconds(190)}  -      Error  ${refused}")
ItAssertions.assertContains(log, ":analyze (default-cli) on project standalone-pom: Analysis Error: Metric \"error-rate\""
    + " assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): \"Error Message: ${refused}\"; see"
    + " artifacts/param-kernel/analysis.json (Prometheus gave no answer: check the address, or set paramkernel.prometheusAddress)")

// in GitHub Actions: an error annotation with the verdict, the outputs, the summary
ItAssertions.assertContains(log, "::error title=param-kernel analyze::Analysis Error: Metric \"error-rate\" assessed Error"
    + " due to consecutiveErrors (5) > consecutiveErrorLimit (4)")
ItAssertions.assertContains(new File(basedir, 'github-output.txt').text, 'analysis-phase=Error\n')
ItAssertions.assertContains(new File(basedir, 'github-summary.md').text, '### param-kernel analysis\n\n**Error** (replay from')

def json = new JsonSlurper().parse(new File(basedir, 'artifacts/param-kernel/analysis.json'))
assert json.phase == 'Error'
assert json.metrics*.phase == ['NotRun', 'Error', 'Error', 'Error']
assert json.metrics[1].measurements*.instant == (0..4).collect { start.plusSeconds(150 + 10 * it).toString() }
assert json.metrics[1].measurements.every { it.value == null && it.phase == 'Error' && it.message == refused }
return true
