package com.kitchencpq.paramkernel.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Small, real OCI images made in memory (a config, one gzip'd tar layer, a manifest), written as an
 * OCI image layout or pushed to a registry blob by blob with plain HTTP, so tests control the exact
 * manifest bytes (multi-platform indexes, OCI 1.1 {@code artifactType}).
 */
public final class TestImages {
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

  private TestImages() {}

  /** Content with its media type and digest. */
  public record Blob(String mediaType, byte[] bytes) {
    public String digest() {
      return sha256(bytes);
    }

    String descriptor(String extra) {
      return "{\"mediaType\":\""
          + mediaType
          + "\",\"digest\":\""
          + digest()
          + "\",\"size\":"
          + bytes.length
          + extra
          + "}";
    }
  }

  /** A single-platform image: manifest plus the blobs it names. */
  public record Image(Blob manifest, Blob config, Blob layer, String architecture) {
    public String digest() {
      return manifest.digest();
    }
  }

  /** An index over images, with its own bytes. */
  public record Index(Blob index, List<Image> images) {
    public String digest() {
      return index.digest();
    }
  }

  /** One image for linux/{@code architecture} whose only file holds {@code content}. */
  public static Image image(String content, String architecture) {
    Blob layer =
        new Blob(OCI_LAYER, gzip(tar("hello.txt", content.getBytes(StandardCharsets.UTF_8))));
    String diffId = sha256(tar("hello.txt", content.getBytes(StandardCharsets.UTF_8)));
    String configJson =
        "{\"architecture\":\""
            + architecture
            + "\",\"os\":\"linux\","
            + "\"created\":\"1970-01-01T00:00:00Z\","
            + "\"config\":{\"Entrypoint\":[\"/hello.txt\"]},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
            + diffId
            + "\"]}}";
    Blob config = new Blob(OCI_CONFIG, configJson.getBytes(StandardCharsets.UTF_8));
    String manifestJson =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + OCI_MANIFEST
            + "\","
            + "\"config\":"
            + config.descriptor("")
            + ",\"layers\":["
            + layer.descriptor("")
            + "]}";
    return new Image(
        new Blob(OCI_MANIFEST, manifestJson.getBytes(StandardCharsets.UTF_8)),
        config,
        layer,
        architecture);
  }

  /**
   * An OCI index over the images. With {@code artifactType} set, every descriptor and the index
   * carry that OCI 1.1 field (as Docker 29 and ECR write it).
   */
  public static Index index(List<Image> images, String artifactType) {
    StringBuilder json =
        new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\"");
    if (artifactType != null) {
      json.append(",\"artifactType\":\"").append(artifactType).append('"');
    }
    json.append(",\"manifests\":[");
    for (int i = 0; i < images.size(); i++) {
      Image image = images.get(i);
      String extra =
          ",\"platform\":{\"architecture\":\""
              + image.architecture()
              + "\",\"os\":\"linux\"}"
              + (artifactType == null ? "" : ",\"artifactType\":\"" + artifactType + "\"");
      json.append(i == 0 ? "" : ",").append(image.manifest().descriptor(extra));
    }
    json.append("]}");
    return new Index(new Blob(OCI_INDEX, json.toString().getBytes(StandardCharsets.UTF_8)), images);
  }

  /** Writes an OCI image layout with one {@code index.json} entry per tag. */
  public static void writeLayout(Path dir, Map<String, Image> tags) {
    try {
      Files.createDirectories(dir.resolve("blobs/sha256"));
      Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
      StringBuilder index = new StringBuilder("{\"schemaVersion\":2,\"manifests\":[");
      int i = 0;
      for (Map.Entry<String, Image> e : tags.entrySet()) {
        Image image = e.getValue();
        for (Blob blob : List.of(image.manifest(), image.config(), image.layer())) {
          Files.write(
              dir.resolve("blobs/sha256").resolve(blob.digest().substring(7)), blob.bytes());
        }
        index
            .append(i++ == 0 ? "" : ",")
            .append(
                image
                    .manifest()
                    .descriptor(
                        ",\"annotations\":{\"org.opencontainers.image.ref.name\":\""
                            + e.getKey()
                            + "\"}"));
      }
      index.append("]}");
      Files.writeString(dir.resolve("index.json"), index.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the OCI layout " + dir, e);
    }
  }

  /** Pushes an image (blobs then manifest) under each tag; returns the registry's digest. */
  public static String push(
      String hostPort,
      String repository,
      Image image,
      String username,
      String password,
      String... tags) {
    Uploader up = new Uploader(hostPort, repository, username, password);
    up.blob(image.config());
    up.blob(image.layer());
    String digest = null;
    for (String tag : tags) {
      digest = up.manifest(tag, image.manifest());
    }
    return digest;
  }

  /** Pushes an index, its images by digest, and tags the index; returns the registry's digest. */
  public static String push(String hostPort, String repository, Index index, String... tags) {
    Uploader up = new Uploader(hostPort, repository, null, null);
    for (Image image : index.images()) {
      up.blob(image.config());
      up.blob(image.layer());
      up.manifest(image.digest(), image.manifest());
    }
    String digest = null;
    for (String tag : tags) {
      digest = up.manifest(tag, index.index());
    }
    return digest;
  }

  private static final class Uploader {
    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String repository;
    private final String authorization;

    Uploader(String hostPort, String repository, String username, String password) {
      this.base = "http://" + hostPort;
      this.repository = repository;
      this.authorization =
          username == null
              ? null
              : "Basic "
                  + Base64.getEncoder()
                      .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void blob(Blob blob) {
      HttpResponse<String> start =
          send(
              request(URI.create(base + "/v2/" + repository + "/blobs/uploads/"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              202);
      String location =
          start
              .headers()
              .firstValue("Location")
              .orElseThrow(() -> new IllegalStateException("upload start without Location"));
      URI upload = URI.create(base).resolve(location);
      String sep = upload.getRawQuery() == null ? "?" : "&";
      send(
          request(URI.create(upload + sep + "digest=" + blob.digest()))
              .header("Content-Type", "application/octet-stream")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(blob.bytes()))
              .build(),
          201);
    }

    String manifest(String reference, Blob manifest) {
      HttpResponse<String> r =
          send(
              request(URI.create(base + "/v2/" + repository + "/manifests/" + reference))
                  .header("Content-Type", manifest.mediaType())
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.bytes()))
                  .build(),
              201);
      return r.headers().firstValue("Docker-Content-Digest").orElse(manifest.digest());
    }

    private HttpRequest.Builder request(URI uri) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      return b;
    }

    private HttpResponse<String> send(HttpRequest request, int expected) {
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
          throw new IllegalStateException(
              request.method()
                  + " "
                  + request.uri().getPath()
                  + " answered "
                  + r.statusCode()
                  + ": "
                  + r.body());
        }
        return r;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** {@code sha256:<hex>} of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A tar archive with one regular file (ustar header, fixed times and owners). */
  static byte[] tar(String name, byte[] content) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644\0");
    put(header, 108, "0000000\0");
    put(header, 116, "0000000\0");
    put(header, 124, String.format("%011o\0", content.length));
    put(header, 136, "00000000000\0");
    header[156] = '0';
    put(header, 257, "ustar\0");
    put(header, 263, "00");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o\0 ", sum));
    int padded = (content.length + 511) / 512 * 512;
    byte[] out = new byte[512 + padded + 1024];
    System.arraycopy(header, 0, out, 0, 512);
    System.arraycopy(content, 0, out, 512, content.length);
    return out;
  }

  private static void put(byte[] target, int offset, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, target, offset, b.length);
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Tag name to image, in insertion order. */
  public static Map<String, Image> tags(Object... tagThenImage) {
    Map<String, Image> map = new LinkedHashMap<>();
    for (int i = 0; i < tagThenImage.length; i += 2) {
      map.put((String) tagThenImage[i], (Image) tagThenImage[i + 1]);
    }
    return map;
  }

  /** The list of architectures, handy for multi-platform tests. */
  public static List<Image> images(String content, String... architectures) {
    List<Image> list = new ArrayList<>();
    for (String arch : architectures) {
      list.add(image(content + "-" + arch, arch));
    }
    return list;
  }
}
