// The service's real template, rendered the way render does it (digest and defaults filled
// in), with the first traffic design: stableService: param-kernel-service and no router.
def template = new File(itRoot, '../../param-kernel-service/src/main/rollout/rollout.yaml').text
def rendered = template
    .replaceAll(/\$\{[A-Z_]+:-([^}]*)\}/, '$1')
    .replace('${PARAM_KERNEL_IMAGE_DIGEST}', 'sha256:' + '0123456789abcdef' * 4)
def marker = '      canaryService: param-kernel-service-canary\n'
assert rendered.count(marker) == 1 : 'the template no longer names the canary Service that way'
rendered = rendered.replace(marker, '      stableService: param-kernel-service\n' + marker)
def out = new File(basedir, 'target/old-design.yaml')
out.parentFile.mkdirs()
out.text = rendered
return true
