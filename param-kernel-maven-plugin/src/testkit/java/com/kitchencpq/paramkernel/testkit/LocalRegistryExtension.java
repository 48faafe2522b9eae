package com.kitchencpq.paramkernel.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link LocalRegistry} per test class, for {@code @RegisterExtension static}: started before the
 * first test, stopped after the last one whatever the outcome.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalRegistryExtension REGISTRY = LocalRegistryExtension.plain();
 * ... REGISTRY.registry().hostPort() ...
 * }</pre>
 */
public final class LocalRegistryExtension implements BeforeAllCallback, AfterAllCallback {
  private final String username;
  private final String password;
  private LocalRegistry registry;

  private LocalRegistryExtension(String username, String password) {
    this.username = username;
    this.password = password;
  }

  public static LocalRegistryExtension plain() {
    return new LocalRegistryExtension(null, null);
  }

  public static LocalRegistryExtension withBasicAuth(String username, String password) {
    return new LocalRegistryExtension(username, password);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    registry =
        username == null
            ? LocalRegistry.start()
            : LocalRegistry.startWithBasicAuth(username, password);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (registry != null) {
      registry.close();
      registry = null;
    }
  }

  /** The running registry; only between beforeAll and afterAll. */
  public LocalRegistry registry() {
    if (registry == null) {
      throw new IllegalStateException("the registry runs only while the test class runs");
    }
    return registry;
  }
}
