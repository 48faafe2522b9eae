import com.kitchencpq.paramkernel.it.InvokerService
import com.kitchencpq.paramkernel.testkit.InvokerPrometheus
import com.kitchencpq.paramkernel.testkit.LocalPrometheus
import java.time.Duration

def url = InvokerService.start(basedir, serviceClasspath, [])
def target = new LocalPrometheus.Target(url.substring('http://'.length()), 'param-kernel-service-canary',
    'kitchen-cpq', 'param-kernel-service-5d8f9c7b6-x2x7p')
InvokerPrometheus.start(basedir, null, [target], Duration.ofSeconds(1),
    ['-Dparamkernel.analyze.args=service-name=param-kernel-service-canary,namespace=kitchen-cpq'])
return true
