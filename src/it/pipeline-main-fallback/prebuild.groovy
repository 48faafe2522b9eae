import com.kitchencpq.paramkernel.it.CaseRegistry
import com.kitchencpq.paramkernel.testkit.TestImages

// Only `latest` exists: the commit's image was never pushed.
def registry = CaseRegistry.start(basedir)
def latest = TestImages.push(registry.hostPort(), 'kitchen-cpq/param-kernel-service',
    TestImages.image('pipeline-main-fallback latest', 'amd64'), null, null, 'latest')
CaseRegistry.appendProperties(basedir, 'ci.properties', [
    'pk.it.image'     : registry.hostPort() + '/kitchen-cpq/param-kernel-service',
    'pk.it.repo'      : new File(basedir, 'target/repo').toURI().toString(),
    'pk.it.latest'    : latest,
])
return true
