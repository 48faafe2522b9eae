package com.kitchencpq.paramkernel.plugin.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of a rollout template and the name under which messages refer to it.
 *
 * @param name how messages name the template: the path as the user gave it, or the resource name of
 *     the embedded default
 * @param text the whole file, decoded as UTF-8 without any change (line endings, a byte-order mark
 *     and trailing spaces are kept)
 */
public record Template(String name, String text) {

  /**
   * Where the plugin keeps the service's template (copied from
   * param-kernel-service/src/main/rollout).
   */
  public static final String DEFAULT_RESOURCE =
      "com/kitchencpq/paramkernel/plugin/render/default/rollout.yaml";

  public Template {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Reads a template file.
   *
   * @param displayName the name used in messages (usually the path relative to the build)
   * @throws RenderException when the file does not exist, is a directory or is not UTF-8
   * @throws IOException when it exists but cannot be read
   */
  public static Template read(Path file, String displayName) throws RenderException, IOException {
    if (Files.isDirectory(file)) {
      throw new RenderException(displayName + ": the template is a directory, not a file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new RenderException(displayName + ": the template does not exist");
    }
    return new Template(displayName, decode(bytes, displayName));
  }

  /** The template embedded in the plugin. */
  public static Template embeddedDefault() throws IOException, RenderException {
    return fromResource(DEFAULT_RESOURCE, Template.class.getClassLoader());
  }

  static Template fromResource(String resource, ClassLoader loader)
      throws IOException, RenderException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(
            "the plugin has no embedded template " + resource + " (a broken plugin build)");
      }
      String name = "classpath:" + resource;
      return new Template(name, decode(in.readAllBytes(), name));
    }
  }

  private static String decode(byte[] bytes, String name) throws RenderException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RenderException(name + ": the template is not UTF-8 text");
    }
  }
}
