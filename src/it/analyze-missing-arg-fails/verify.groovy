import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, "[ERROR] Failed to execute goal com.kitchencpq:param-kernel-maven-plugin:")
ItAssertions.assertContains(log, ":analyze (default-cli) on project standalone-pom: Missing analysis arguments:"
    + " argument 'service-name' (declared by AnalysisTemplate 'needs-args') has no value: the template gives no default,"
    + " and neither a Rollout nor paramkernel.analyze.args passes one; pass it with paramkernel.analyze.args;"
    + " argument 'namespace' (declared by AnalysisTemplate 'needs-args') has no value:")
ItAssertions.assertContains(log, "(e.g. -Dparamkernel.analyze.args=service-name=<value>)")
ItAssertions.assertContains(log, '[WARNING] Removed the stale artifacts/param-kernel/analysis.json')
ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/analysis.json')
ItAssertions.assertNotContains(log, "argument 'threshold'")
return true
