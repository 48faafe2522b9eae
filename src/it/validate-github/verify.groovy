import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, "[WARNING] bundle.yaml:41:18: warning [pod.image-pinned] image 'registry.example/demo:2.0' is not pinned by digest")
// the annotation starts its own stdout line, so GitHub reads it
ItAssertions.assertContains(log, "\n::warning file=bundle.yaml,line=41,col=18,title=pod.image-pinned::image 'registry.example/demo:2.0' is not pinned by digest")
ItAssertions.assertContains(log, 'Validated 4 documents in 1 file: 0 errors, 1 warning (plan checks off)')
ItAssertions.assertContains(log, 'BUILD SUCCESS')
return true
