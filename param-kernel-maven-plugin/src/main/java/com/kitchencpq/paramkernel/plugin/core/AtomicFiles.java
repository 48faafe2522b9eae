package com.kitchencpq.paramkernel.plugin.core;

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
 * Writes the files the goals leave for people and later steps (rollout.yaml, digest.json, the SARIF
 * report, the image metadata) so that a reader only ever sees the old file or the whole new one:
 * the bytes go to a temporary file in the same directory, are flushed to disk, the file is made an
 * ordinary {@code rw-r--r--} one (temporary files start private), and it is renamed over the target
 * in one atomic step. A failure on the way deletes the temporary file and leaves the target as it
 * was.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8 to {@code target}, creating its directory. */
  public static void write(Path target, String text) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * Deletes the output an earlier run left at {@code target}, so that a run that failed leaves
   * nothing behind that a later step could use by mistake. A directory is never deleted.
   *
   * @return whether there was such a file
   */
  public static boolean removeStale(Path target) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    return !Files.isDirectory(file) && Files.deleteIfExists(file);
  }
}
