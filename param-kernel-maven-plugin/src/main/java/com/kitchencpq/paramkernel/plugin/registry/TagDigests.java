package com.kitchencpq.paramkernel.plugin.registry;

import com.kitchencpq.paramkernel.plugin.core.GoalException;
import java.util.Optional;

/** Where tags are looked up: a registry repository or a local OCI layout. */
public interface TagDigests {
  /**
   * The digest the tag points to, or empty when the tag does not exist there.
   *
   * @throws GoalException for every other answer: no fallback may follow it
   */
  Optional<String> digestOf(String tag) throws GoalException, InterruptedException;
}
