import com.kitchencpq.paramkernel.testkit.InvokerRegistry

// A registry behind htpasswd with nothing in it; the build pushes the image, then resolves it.
InvokerRegistry.startWithBasicAuth(basedir, 'ciuser', 'q~', [], [
    '-Dparamkernel.resolve.visibilityRetry=0'])
def classes = new File(basedir, 'target/classes/com/kitchencpq/paramkernel/service')
classes.mkdirs()
new File(classes, 'Main.class').text = 'not really a class'
return true
