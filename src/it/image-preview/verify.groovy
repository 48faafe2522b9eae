import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.Skopeo
import groovy.json.JsonSlurper

def sha = '0123456789abcdef0123456789abcdef01234567'
def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, '[WARNING] LOCAL PREVIEW, NOT DEPLOYABLE: base image eclipse-temurin:17-jre@sha256:')
ItAssertions.assertContains(log, '[LOCAL PREVIEW, NOT DEPLOYABLE]')
def meta = new JsonSlurper().parse(new File(basedir, 'target/jib-image.json'))
assert meta.preview == true
assert meta.deployable == false
assert meta.pushed == false
assert meta.tags == [sha, 'latest']
def digest = new File(basedir, 'target/jib-image.digest').text
assert digest == meta.digest
def index = new JsonSlurper().parse(new File(basedir, 'target/jib-image/oci/index.json'))
assert index.manifests*.annotations*.get('org.opencontainers.image.ref.name') == [sha, 'latest']
def skopeo = Skopeo.create(new File(basedir, 'target').toPath())
assert skopeo.inspectLayoutDigest(new File(basedir, 'target/jib-image/oci').toPath(), sha) == digest
return true
