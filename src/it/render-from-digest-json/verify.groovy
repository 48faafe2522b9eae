import com.kitchencpq.paramkernel.it.ItAssertions
import java.nio.file.Files

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'Wrote artifacts/param-kernel/rollout.yaml (sha256:9e8d7c6b5a4938271605f4e3d2c1b0a99e8d7c6b5a4938271605f4e3d2c1b0a9 from artifacts/param-kernel/digest.json)')
ItAssertions.assertGoldenFiles(basedir)

// Byte for byte: the golden comparison normalises line endings, so compare raw bytes too.
def expected = Files.readAllBytes(new File(basedir, 'expected/artifacts/param-kernel/rollout.yaml').toPath())
def actual = Files.readAllBytes(new File(basedir, 'artifacts/param-kernel/rollout.yaml').toPath())
if (!Arrays.equals(expected, actual)) {
  throw new AssertionError('rendered bytes differ from the golden file (line endings?)')
}
ItAssertions.assertContains(new String(actual, 'UTF-8'), '\r\n')
return true
