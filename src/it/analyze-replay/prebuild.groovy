import com.kitchencpq.paramkernel.plugin.analyze.CanaryHistory
import com.kitchencpq.paramkernel.testkit.InvokerPrometheus
import java.time.Duration
import java.time.Instant

def now = Instant.ofEpochSecond(Instant.now().epochSecond.intdiv(15) * 15)
// A healthy canary pod (found through the canary Service and the client Service) and a stable
// pod with the same latency mix, each labelled with its pod-template hash.
def canary = CanaryHistory.of('param-kernel-service-canary', 'kitchen-cpq', 'param-kernel-service-5d8f9c7b6-x2x7p')
    .hash('5d8f9c7b6').from(now.minus(Duration.ofMinutes(40)), 5d, 0d, CanaryHistory.fast())
def stable = CanaryHistory.of('param-kernel-service', 'kitchen-cpq', 'param-kernel-service-7c4b9d2f1-k8m2q')
    .hash('7c4b9d2f1').from(now.minus(Duration.ofMinutes(40)), 5d, 0d, CanaryHistory.fast())
def history = CanaryHistory.openMetrics([canary, canary.through('param-kernel-service'), stable],
    now.minus(Duration.ofMinutes(1)), Duration.ofSeconds(15))
def start = now.minus(Duration.ofMinutes(30))
InvokerPrometheus.start(basedir, history, [], Duration.ofSeconds(15), ["-Dparamkernel.analyze.start=${start}".toString(),
    '-Dparamkernel.analyze.args=latest-hash=5d8f9c7b6,stable-hash=7c4b9d2f1'])
new File(basedir, 'replay-start.txt').text = start.toString()
return true
