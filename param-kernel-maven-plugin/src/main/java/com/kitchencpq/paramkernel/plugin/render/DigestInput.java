package com.kitchencpq.paramkernel.plugin.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kitchencpq.paramkernel.plugin.core.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decides which digest render uses, in this order: the digest the user gave, the digest
 * resolve-digest published earlier in the same build, the {@code digest} field of the {@code
 * digest.json} an earlier invocation wrote. A value that is present but malformed fails; it never
 * falls through to the next source.
 */
public final class DigestInput {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The digest and where it came from.
   *
   * @param digest {@code sha256:} + 64 hex
   * @param origin the property or file it was read from, for the log
   */
  public record Choice(String digest, String origin) {}

  private final String explicitProperty;
  private final String buildProperty;

  /**
   * @param explicitProperty the property name of the user's digest ({@code paramkernel.digest})
   * @param buildProperty the project property resolve-digest sets ({@code
   *     paramkernel.image.digest})
   */
  public DigestInput(String explicitProperty, String buildProperty) {
    this.explicitProperty = explicitProperty;
    this.buildProperty = buildProperty;
  }

  /**
   * @param explicit the user's digest, or null/blank when not set
   * @param fromBuild the digest resolve-digest set in this build, or null/blank
   * @param digestJson where an earlier resolve-digest wrote its result
   * @param digestJsonName how messages name that file
   * @throws RenderException when the chosen value is malformed, or when there is none
   * @throws IOException when digest.json exists but cannot be read
   */
  public Choice choose(String explicit, String fromBuild, Path digestJson, String digestJsonName)
      throws RenderException, IOException {
    if (explicit != null && !explicit.isBlank()) {
      return new Choice(requireDigest(explicit.strip(), explicitProperty), explicitProperty);
    }
    if (fromBuild != null && !fromBuild.isBlank()) {
      return new Choice(
          requireDigest(fromBuild.strip(), buildProperty + " (set by resolve-digest)"),
          buildProperty);
    }
    String text;
    try {
      text = Files.readString(digestJson);
    } catch (NoSuchFileException e) {
      throw new RenderException(
          "No image digest: set -D"
              + explicitProperty
              + "=sha256:<64 hex>, or run resolve-digest first (in the same build, or earlier so"
              + " that "
              + digestJsonName
              + " exists; it does not)");
    }
    return new Choice(
        requireDigest(digestField(text, digestJsonName), digestJsonName + " field 'digest'"),
        digestJsonName);
  }

  /**
   * Returns the digest when it is well-formed ({@link Digests}).
   *
   * @param where what to name in the message: a property or a file and field
   * @throws RenderException otherwise
   */
  static String requireDigest(String digest, String where) throws RenderException {
    if (Digests.isValid(digest)) {
      return digest;
    }
    throw new RenderException(Digests.notADigest(where, digest));
  }

  private static String digestField(String text, String name) throws RenderException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new RenderException(
          name
              + (line > 0 ? ":" + line : "")
              + ": not valid JSON: "
              + e.getOriginalMessage()
              + "; run resolve-digest again to rewrite it");
    }
    if (root == null || !root.isObject()) {
      throw new RenderException(name + ": expected a JSON object with a 'digest' field");
    }
    JsonNode digest = root.get("digest");
    if (digest == null || digest.isNull()) {
      throw new RenderException(
          name + ": has no 'digest' field; run resolve-digest again to rewrite it");
    }
    if (!digest.isTextual()) {
      throw new RenderException(name + ": field 'digest' is not a string");
    }
    return digest.asText();
  }
}
