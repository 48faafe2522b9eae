import com.kitchencpq.paramkernel.testkit.InvokerRegistry

// The registry holds a stand-in base image under the tag "jre"; the build pushes next to it.
InvokerRegistry.start(basedir, ['jre'], [
    '-Dparamkernel.image.base={hostPort}/kitchen-cpq/param-kernel-service:jre',
    '-Dparamkernel.resolve.visibilityRetry=0'])
def classes = new File(basedir, 'target/classes/com/kitchencpq/paramkernel/service')
classes.mkdirs()
new File(classes, 'Main.class').text = 'not really a class'
return true
