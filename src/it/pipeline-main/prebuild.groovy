import com.kitchencpq.paramkernel.testkit.InvokerRegistry
import com.kitchencpq.paramkernel.testkit.TestImages

// An empty service repository (the build pushes the image) and a base image to build on.
InvokerRegistry.start(basedir, [], [])
def hostPort = InvokerRegistry.state(basedir).getProperty('hostPort')
TestImages.push(hostPort, 'base/runtime', TestImages.image('pipeline-main base', 'amd64'), null, null, '1')
new File(basedir, '.mvn/maven.config') << "-Dparamkernel.image.base=${hostPort}/base/runtime:1\n"
return true
