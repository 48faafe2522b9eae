import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, "paramkernel.digest: 'sha256:1234' is not an image digest; expected sha256: followed by 64 lowercase hex digits")
ItAssertions.assertNotContains(log, 'Wrote ')
ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/rollout.yaml')
return true
