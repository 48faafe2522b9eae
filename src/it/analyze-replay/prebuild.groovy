import com.kitchencpq.paramkernel.plugin.analyze.CanaryHistory
import com.kitchencpq.paramkernel.testkit.InvokerPrometheus
import java.time.Duration
import java.time.Instant

def now = Instant.ofEpochSecond(Instant.now().epochSecond.intdiv(15) * 15)
def history = CanaryHistory.of('param-kernel-service-canary', 'kitchen-cpq', 'param-kernel-service-5d8f9c7b6-x2x7p')
    .from(now.minus(Duration.ofMinutes(40)), 5d, 0d, CanaryHistory.fast())
    .openMetrics(now.minus(Duration.ofMinutes(1)), Duration.ofSeconds(15))
def start = now.minus(Duration.ofMinutes(30))
InvokerPrometheus.start(basedir, history, [], Duration.ofSeconds(15), ["-Dparamkernel.analyze.start=${start}".toString()])
new File(basedir, 'replay-start.txt').text = start.toString()
return true
