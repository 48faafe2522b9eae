package com.kitchencpq.paramkernel.service.warmup;

import com.kitchencpq.paramkernel.testkit.FreePorts;
import com.kitchencpq.paramkernel.testkit.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * A real S3-compatible object store for tests: S3Proxy (Maven Central, {@code org.gaul:s3proxy},
 * its self-contained jar copied by the service's build) in its own JVM on a free 127.0.0.1 port,
 * with AWS signature authentication and in-memory ("transient") storage. {@link #client()} and
 * {@link #presignPut} use the AWS SDK against it, path-style. {@link #close()} stops the process.
 */
final class LocalS3Store implements AutoCloseable {
  static final String JAR_PROPERTY = "paramkernel.test.s3proxyJar";

  private final ManagedProcess process;
  private final URI endpoint;
  private final S3Client client;
  private final S3Presigner presigner;

  private LocalS3Store(
      ManagedProcess process, URI endpoint, StaticCredentialsProvider credentials) {
    this.process = process;
    this.endpoint = endpoint;
    S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
    this.client =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .serviceConfiguration(pathStyle)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    this.presigner =
        S3Presigner.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .serviceConfiguration(pathStyle)
            .build();
  }

  /** Starts S3Proxy with its configuration and log in {@code workDir}. */
  static LocalS3Store start(Path workDir) {
    String jar = System.getProperty(JAR_PROPERTY);
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "S3Proxy jar not found ("
              + JAR_PROPERTY
              + "="
              + jar
              + "): run the test through Maven, whose copy-s3proxy step puts it under"
              + " target/s3proxy");
    }
    int port = FreePorts.loopback();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    String identity = "warmup-test-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = UUID.randomUUID().toString();
    try {
      Files.createDirectories(workDir);
      Files.writeString(
          workDir.resolve("s3proxy.conf"),
          String.join(
              "\n",
              "s3proxy.endpoint=" + endpoint,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + identity,
              "s3proxy.credential=" + secret,
              "jclouds.provider=transient",
              ""),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ManagedProcess p =
        ManagedProcess.start(
            "s3proxy",
            List.of(java, "-Xmx256m", "-jar", jar, "--properties", "s3proxy.conf"),
            workDir,
            workDir.resolve("s3proxy.log"));
    try {
      p.awaitReady(
          () -> answers(endpoint), Duration.ofSeconds(60), "answering HTTP on " + endpoint);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    return new LocalS3Store(
        p,
        endpoint,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(identity, secret)));
  }

  private static boolean answers(URI endpoint) {
    try {
      HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      int status = c.getResponseCode(); // 403 without credentials: it is up
      c.disconnect();
      return status > 0;
    } catch (IOException e) {
      return false;
    }
  }

  URI endpoint() {
    return endpoint;
  }

  S3Client client() {
    return client;
  }

  /** A URL that lets whoever holds it PUT {@code bucket/key} for {@code validFor}. */
  URI presignPut(String bucket, String key, Duration validFor) {
    return URI.create(
        presigner
            .presignPutObject(
                PutObjectPresignRequest.builder()
                    .signatureDuration(validFor)
                    .putObjectRequest(PutObjectRequest.builder().bucket(bucket).key(key).build())
                    .build())
            .url()
            .toString());
  }

  String logTail() {
    return process.logTail();
  }

  @Override
  public void close() {
    client.close();
    presigner.close();
    process.close();
  }
}
