package com.kitchencpq.paramkernel.plugin.render;

import com.kitchencpq.paramkernel.plugin.core.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes rendered text so that readers only ever see the old file or the whole new one ({@link
 * AtomicFiles}).
 */
public final class RenderOutput {

  /**
   * Writes the rendered rollout to {@code output} (creating its directory).
   *
   * @throws IOException when the directory cannot be created or the file cannot be written or moved
   *     atomically; the target is then unchanged
   */
  public RenderResult write(RenderedRollout rendered, Path output) throws IOException {
    Path target = output.toAbsolutePath().normalize();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    if (Files.isDirectory(target)) {
      throw new IOException(target + " is a directory");
    }
    AtomicFiles.write(target, rendered.text());
    return new RenderResult(target, rendered.digest(), rendered.substitutions(), rendered.text());
  }

  /**
   * Deletes the output of an earlier render, so that a failed render never leaves a manifest behind
   * that could be applied by mistake.
   *
   * @return whether a file was deleted
   */
  public boolean removeStale(Path output) throws IOException {
    return AtomicFiles.removeStale(output);
  }
}
