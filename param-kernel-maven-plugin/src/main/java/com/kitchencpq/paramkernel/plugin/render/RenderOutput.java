package com.kitchencpq.paramkernel.plugin.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes rendered text so that readers only ever see the old file or the whole new one: the
 * bytes go to a temporary file in the same directory, are flushed to disk, and the temporary
 * file is then renamed over the target in one atomic step. A failure on the way deletes the
 * temporary file.
 */
public final class RenderOutput {

  /**
   * Writes the rendered rollout to {@code output} (creating its directory).
   *
   * @throws IOException when the directory cannot be created or the file cannot be written or
   *     moved atomically; the target is then unchanged
   */
  public RenderResult write(RenderedRollout rendered, Path output) throws IOException {
    Path target = output.toAbsolutePath().normalize();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    if (Files.isDirectory(target)) {
      throw new IOException(target + " is a directory");
    }
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(rendered.text().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      makeReadable(temp);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return new RenderResult(target, rendered.digest(), rendered.substitutions(), rendered.text());
  }

  /** Temporary files are private to the owner; the rendered manifest is an ordinary file. */
  private static void makeReadable(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /**
   * Deletes the output of an earlier render, so that a failed render never leaves a manifest
   * behind that could be applied by mistake.
   *
   * @return whether a file was deleted
   */
  public boolean removeStale(Path output) throws IOException {
    Path target = output.toAbsolutePath().normalize();
    return !Files.isDirectory(target) && Files.deleteIfExists(target);
  }
}
