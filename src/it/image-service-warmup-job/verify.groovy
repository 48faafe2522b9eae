import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.it.WarmupJobRun

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'Wrote artifacts/param-kernel/rollout.yaml')

// Unpack the layout, start the service with the image's entrypoint, run the Job's container.
def run = WarmupJobRun.run(basedir.toPath(), new File(basedir, 'target/jib-image/oci').toPath(),
    new File(basedir, 'artifacts/param-kernel/rollout.yaml').toPath())
println run.describe()
assert run.exitCode() == 0 : "the warm-up Job failed:\n" + run.describe()
// The run log: one JSON line with what the operator checklist asks for.
assert run.output().readLines().any { it.startsWith('{') && it.contains('"event":"warmup"') && it.contains('"passed":true') } :
    "no passing run log in the Job's output:\n" + run.output()
return true
