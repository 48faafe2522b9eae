import com.kitchencpq.paramkernel.testkit.InvokerRegistry

// The commit's image exists, so everything up to validate succeeds.
InvokerRegistry.start(basedir, ['5d1e4b8f0c2a47e39b6d8a1f3c5e7a9b2d4f6e80', 'latest'], [])

// The service's real template with one mistake that only the plan checks catch (render's own
// check, without plan checks, lets it through): the last pause lasts 6m instead of the plan's
// 5m. verify.groovy expects the error on that line.
def template = new File(itRoot, '../../param-kernel-service/src/main/rollout/rollout.yaml').text
def lines = template.split('\n', -1) as List
def at = lines.findLastIndexOf { it.trim() == 'duration: 5m' }
assert at > 0 : 'the service template has no final 5m pause any more'
lines[at] = lines[at].replace('duration: 5m', 'duration: 6m')
def broken = new File(basedir, 'target/broken-rollout.yaml')
broken.parentFile.mkdirs()
broken.text = lines.join('\n')
return true
