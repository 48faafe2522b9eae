import com.kitchencpq.paramkernel.it.CaseRegistry
import com.kitchencpq.paramkernel.testkit.TestImages

// A fresh registry holding only the base image; the build pushes the service image itself.
def registry = CaseRegistry.start(basedir)
TestImages.push(registry.hostPort(), 'base/runtime', TestImages.image('pipeline-main base', 'amd64'), null, null, '1')
CaseRegistry.appendProperties(basedir, 'ci.properties', [
    'pk.it.image': registry.hostPort() + '/kitchen-cpq/param-kernel-service',
    'pk.it.base' : registry.hostPort() + '/base/runtime:1',
    'pk.it.repo' : new File(basedir, 'target/repo').toURI().toString(),
])
return true
