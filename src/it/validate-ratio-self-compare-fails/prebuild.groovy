// The service's real template, rendered the way render does it (digest and defaults filled
// in), with both hash arguments of every analysis step taken from the canary ReplicaSet.
def template = new File(itRoot, '../../param-kernel-service/src/main/rollout/rollout.yaml').text
def rendered = template
    .replaceAll(/\$\{[A-Z_]+:-([^}]*)\}/, '$1')
    .replace('${PARAM_KERNEL_IMAGE_DIGEST}', 'sha256:' + '0123456789abcdef' * 4)
def marker = ~/(?m)^(\s+)podTemplateHashValue: Stable$/
assert rendered.findAll(marker).size() == 2 : 'the template no longer passes stable-hash in its two analysis steps'
rendered = rendered.replaceAll(marker, '$1podTemplateHashValue: Latest')
def out = new File(basedir, 'target/self-compare.yaml')
out.parentFile.mkdirs()
out.text = rendered
return true
