import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, "[WARNING] bundle.yaml:41:18: warning [pod.image-pinned] image 'registry.example/demo:2.0' is not pinned by digest")
ItAssertions.assertContains(log, 'validate found 1 warning and paramkernel.validate.failOnWarning is true')
return true
