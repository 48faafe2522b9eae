import com.kitchencpq.paramkernel.testkit.FreePorts
import java.time.Duration
import java.time.Instant

def port = FreePorts.loopback()
def start = Instant.ofEpochSecond(Instant.now().minus(Duration.ofHours(1)).epochSecond)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dparamkernel.prometheusAddress=http://127.0.0.1:${port}\n" +
    "-Dparamkernel.analyze.start=${start}\n"
new File(basedir, 'case.properties').text = "port=${port}\nstart=${start}\n"
return true
