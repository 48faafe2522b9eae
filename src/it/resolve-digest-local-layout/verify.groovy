import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'Resolved kitchen-cpq/param-kernel-service:0123456789abcdef0123456789abcdef01234567 -> sha256:')
ItAssertions.assertContains(log, 'from the local OCI layout target/jib-image/oci, not from a registry')
ItAssertions.assertGoldenFiles(basedir)
return true
