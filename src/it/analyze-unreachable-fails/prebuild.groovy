import com.kitchencpq.paramkernel.testkit.FreePorts
import java.time.Duration
import java.time.Instant

def port = FreePorts.loopback()
def start = Instant.ofEpochSecond(Instant.now().minus(Duration.ofHours(1)).epochSecond)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dparamkernel.prometheusAddress=http://127.0.0.1:${port}\n" +
    "-Dparamkernel.analyze.start=${start}\n" +
    // the ratio metric's pod-template hashes, which only a cluster knows
    "-Dparamkernel.analyze.args=latest-hash=5f7c9b8d4,stable-hash=6d8b7c5f9\n"
new File(basedir, 'case.properties').text = "port=${port}\nstart=${start}\n"
return true
