package com.kitchencpq.paramkernel.plugin.image;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate.ContentDescriptorTemplate;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import com.google.cloud.tools.jib.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Pushes the image of the local OCI layout the image goal wrote (its manifest, config and layer
 * blobs) to a registry with jib-core's {@link RegistryClient}, over a {@link FailoverHttpClient}
 * made for this one push.
 *
 * <p>Why not {@code JibContainerBuilder.containerize(Containerizer.to(RegistryImage))}: in jib-core
 * 0.27.3 whether credentials may travel over plain http is not a setting of a build. {@code
 * BuildContext.Builder.build()} reads it from the JVM-wide system property {@code
 * sendCredentialsOverHttp} ({@code JibSystemProperties.sendCredentialsOverHttp()}) and hands it to
 * {@code new FailoverHttpClient(allowInsecureRegistries, sendCredentialsOverHttp, ...)}, which
 * drops the {@code Authorization} header of every plain-http request unless it is true ({@code
 * FailoverHttpClient.call}); neither {@code Containerizer} nor {@code JibContainerBuilder} takes
 * it. Setting the system property around the push, as this plugin once did, shows it to every other
 * plugin and thread of the Maven JVM while it is set (a parallel build's other modules included).
 * {@code FailoverHttpClient}'s public constructor takes the switch as an argument, and {@link
 * RegistryClient#factory} takes that client: the push done with them is told per build and changes
 * nothing outside it.
 *
 * <p>The steps are jib's own push steps ({@code AuthenticatePushStep}: bearer token for push, else
 * Basic; {@code PushBlobStep}: skip blobs the registry has, mount from the base repository when it
 * is in the same registry; {@code PushImageStep}: one manifest per tag), done one after the other.
 * What is pushed are the bytes of the layout, so the pushed digest is the layout's.
 *
 * <p>jib-core's pull of the base image, during the build itself, still follows the system property:
 * a base image on a plain-http registry that needs credentials is not supported.
 */
final class LayoutPush {
  private static final String USER_AGENT = "param-kernel-maven-plugin";

  private LayoutPush() {}

  /**
   * Pushes {@code digest} of {@code layout} as every tag of {@code tags}.
   *
   * @param mountFrom the base image's repository, tried as a cross-repository mount source when it
   *     is in the target's registry
   * @return the digest the registry reports for the pushed manifest
   */
  static String push(
      Path layout,
      String digest,
      ImageReference target,
      List<String> tags,
      Optional<Credential> credential,
      Optional<ImageReference> mountFrom,
      boolean allowInsecure,
      boolean sendCredentialsOverHttp,
      Consumer<String> debug)
      throws IOException, RegistryException {
    Path blobs = layout.resolve("blobs").resolve("sha256");
    OciManifestTemplate manifest =
        JsonTemplateMapper.readJsonFromFile(blobs.resolve(hex(digest)), OciManifestTemplate.class);
    EventHandlers events =
        EventHandlers.builder()
            .add(LogEvent.class, e -> debug.accept("jib: " + e.getMessage()))
            .build();
    FailoverHttpClient http =
        new FailoverHttpClient(allowInsecure, sendCredentialsOverHttp, events::dispatch);
    String sourceRepository =
        mountFrom
            .filter(base -> base.getRegistry().equals(target.getRegistry()))
            .map(ImageReference::getRepository)
            .orElse(null);
    try {
      RegistryClient client =
          (sourceRepository == null
                  ? RegistryClient.factory(
                      events, target.getRegistry(), target.getRepository(), http)
                  : RegistryClient.factory(
                      events, target.getRegistry(), target.getRepository(), sourceRepository, http))
              .setCredential(credential.orElse(null))
              .setUserAgent(USER_AGENT)
              .newRegistryClient();
      if (!client.doPushBearerAuth()
          && credential.isPresent()
          && !credential.get().isOAuth2RefreshToken()) {
        client.configureBasicAuth();
      }
      List<ContentDescriptorTemplate> descriptors = new ArrayList<>();
      descriptors.add(manifest.getContainerConfiguration());
      descriptors.addAll(manifest.getLayers());
      for (ContentDescriptorTemplate blob : descriptors) {
        DescriptorDigest blobDigest = blob.getDigest();
        if (client.checkBlob(blobDigest).isPresent()) {
          debug.accept("blob " + blobDigest + " is in " + target.getRegistry() + " already");
          continue;
        }
        Path file = blobs.resolve(blobDigest.getHash());
        if (!Files.isRegularFile(file)) {
          throw new IOException("the OCI layout " + layout + " lacks blob " + blobDigest);
        }
        client.pushBlob(blobDigest, Blobs.from(file), sourceRepository, written -> {});
      }
      String pushed = null;
      for (String tag : tags) {
        String answer = client.pushManifest(manifest, tag).toString();
        if (pushed != null && !pushed.equals(answer)) {
          throw new IOException(
              "registry "
                  + target.getRegistry()
                  + " reports digest "
                  + answer
                  + " for tag "
                  + tag
                  + " but "
                  + pushed
                  + " for the tag before");
        }
        pushed = answer;
      }
      return pushed;
    } finally {
      http.shutDown();
    }
  }

  private static String hex(String digest) {
    return digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest;
  }
}
