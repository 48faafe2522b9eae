import com.kitchencpq.paramkernel.testkit.TestImages

def sha = '0123456789abcdef0123456789abcdef01234567'
// The files git keeps for a work tree on branch main at commit ${sha}.
new File(basedir, '.git/refs/heads').mkdirs()
new File(basedir, '.git/HEAD').text = 'ref: refs/heads/main\n'
new File(basedir, '.git/refs/heads/main').text = sha + '\n'
TestImages.writeLayout(new File(basedir, 'target/jib-image/oci').toPath(),
    TestImages.tags(sha, TestImages.image('image for ' + sha, 'amd64'),
        'latest', TestImages.image('image for latest', 'amd64')))
return true
