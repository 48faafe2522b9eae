import com.kitchencpq.paramkernel.it.ItAssertions
import java.nio.file.Files

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'Wrote artifacts/param-kernel/rollout.yaml (sha256:4c5f0a2b7d9e13f8a6b0c2d4e6f8091a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e from paramkernel.digest)')
ItAssertions.assertGoldenFiles(basedir)

// Attached with classifier "rollout" and type "yaml": install put it into the repository.
def installed = new File(localRepositoryPath, 'com/kitchencpq/it/render-happy/1.0/render-happy-1.0-rollout.yaml')
if (!installed.isFile()) {
  throw new AssertionError("attached rollout not installed: " + installed)
}
def written = new File(basedir, 'artifacts/param-kernel/rollout.yaml')
if (!Arrays.equals(Files.readAllBytes(installed.toPath()), Files.readAllBytes(written.toPath()))) {
  throw new AssertionError("installed rollout differs from " + written)
}
// Written atomically: nothing but the result in the output directory.
ItAssertions.assertNotContains(new File(basedir, 'artifacts/param-kernel').list().sort().join(','), '.tmp')
return true
