import com.kitchencpq.paramkernel.it.CaseRegistry
import com.kitchencpq.paramkernel.testkit.TestImages

def sha = '5d1e4b8f0c2a47e39b6d8a1f3c5e7a9b2d4f6e80'
def registry = CaseRegistry.start(basedir)
def pushed = TestImages.push(registry.hostPort(), 'kitchen-cpq/param-kernel-service',
    TestImages.image('pipeline-validation-error-fails', 'amd64'), null, null, sha, 'latest')

// The service's real template with one mistake: the last analysis step names an
// AnalysisTemplate that does not exist.
def template = new File(itRoot, '../../param-kernel-service/src/main/rollout/rollout.yaml').text
def lines = template.split('\n', -1) as List
def at = lines.findLastIndexOf { it.trim() == '- templateName: param-kernel-canary-health' }
assert at > 0 : 'the service template has no param-kernel-canary-health reference any more'
lines[at] = lines[at].replace('param-kernel-canary-health', 'param-kernel-canary-helth')
def broken = new File(basedir, 'target/broken-rollout.yaml')
broken.parentFile.mkdirs()
broken.text = lines.join('\n')

CaseRegistry.appendProperties(basedir, 'ci.properties', [
    'pk.it.image'     : registry.hostPort() + '/kitchen-cpq/param-kernel-service',
    'pk.it.repo'      : new File(basedir, 'target/repo').toURI().toString(),
    'pk.it.pushed'    : pushed,
    'pk.it.errorLine' : String.valueOf(at + 1),
])
return true
