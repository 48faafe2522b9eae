package com.kitchencpq.paramkernel.plugin.digest;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: starts {@link ResolveDigestBenchmark}'s single cold call the way Maven runs a plugin.
 * Maven's JVM class path holds only plexus-classworlds; a plugin's classes come from a class loader
 * of their own, which is also the thread's context class loader. Here the JVM class path holds only
 * this class (the benchmark copies it to a directory of its own), and the plugin, its dependencies
 * and the benchmark are loaded from the class path given as the first argument. Uses nothing but
 * the JDK.
 */
public final class PluginRealmLauncher {
  private PluginRealmLauncher() {}

  /** Arguments: the plugin class path, then the arguments for the benchmark's main. */
  public static void main(String[] args) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : args[0].split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    URLClassLoader realm =
        new URLClassLoader("plugin", urls.toArray(new URL[0]), ClassLoader.getSystemClassLoader());
    Thread.currentThread().setContextClassLoader(realm);
    Class<?> benchmark =
        Class.forName(
            "com.kitchencpq.paramkernel.plugin.digest.ResolveDigestBenchmark", true, realm);
    Method main = benchmark.getMethod("main", String[].class);
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    main.invoke(null, (Object) rest);
  }
}
