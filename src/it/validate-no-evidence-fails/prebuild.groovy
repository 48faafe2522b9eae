// The service's real template, rendered the way render does it (digest and defaults filled
// in), then broken once per category; verify.groovy expects one finding per mistake, at the
// line to change.
def template = new File(itRoot, '../../param-kernel-service/src/main/rollout/rollout.yaml').text
def text = template
    .replaceAll(/\$\{[A-Z_]+:-([^}]*)\}/, '$1')
    .replace('${PARAM_KERNEL_IMAGE_DIGEST}', 'sha256:' + '0123456789abcdef' * 4)

def once = { String from, String to ->
  assert text.count(from) >= 1 : "the template no longer contains: ${from}"
  text = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
}
// 1. no data read as good data: the p95 falls back to 0 when there is no series at all
once('[1m])))\n', '[1m]))) or vector(0)\n')
// 2. the wrong pods: the first analysis judges the client Service (stable and canary pods)
once('                value: param-kernel-service-canary\n', '                value: param-kernel-service\n')
// 3. traffic that is not the API: the error ratio's denominator counts probes and scrapes
once(',route="/v1/apply-delta"}[1m]))\n    # 95th', '}[1m]))\n    # 95th')
// 4. windows that cannot hold data: scraped every 45s, read over [1m]
once('      interval: 15s\n', '      interval: 45s\n')
// 5. a monitor that scrapes nothing: the endpoint names a port the Services do not have
once('    - port: http\n      path: /metrics\n', '    - port: metrics\n      path: /metrics\n')
// 6. a condition that errors instead of deciding: first(result) of an empty vector is nil
once('      failureCondition: len(result) > 0 && !isNaN(result[0]) && result[0] > 0.03\n',
    '      failureCondition: first(result) > 0.03\n')
// 7. a gate that cannot fail: the second analysis runs every metric dry
once('        - analysis:\n            templates:\n              - templateName: param-kernel-warmup\n              - templateName: param-kernel-canary-health\n            args:\n              - name: service-name\n                value: param-kernel-service-canary\n',
    '        - analysis:\n            templates:\n              - templateName: param-kernel-warmup\n              - templateName: param-kernel-canary-health\n            dryRun:\n              - metricName: .*\n            args:\n              - name: service-name\n                value: param-kernel-service-canary\n')
def out = new File(basedir, 'target/no-evidence.yaml')
out.parentFile.mkdirs()
out.text = text
return true
