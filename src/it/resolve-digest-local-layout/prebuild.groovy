import com.kitchencpq.paramkernel.testkit.TestImages

def sha = '0123456789abcdef0123456789abcdef01234567'
TestImages.writeLayout(new File(basedir, 'target/jib-image/oci').toPath(),
    TestImages.tags(sha, TestImages.image('image for ' + sha, 'amd64'),
        'latest', TestImages.image('image for latest', 'amd64')))
return true
