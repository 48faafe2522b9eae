package com.kitchencpq.paramkernel.plugin.digest;

import java.util.Optional;

/** Where tags are looked up: a registry repository or a local OCI layout. */
public interface TagDigests {
  /**
   * The digest the tag points to, or empty when the tag does not exist there.
   *
   * @throws ResolveException for every other answer: no fallback may follow it
   */
  Optional<String> digestOf(String tag) throws ResolveException, InterruptedException;
}
