package com.kitchencpq.paramkernel.plugin.registry;

import com.kitchencpq.paramkernel.plugin.core.Digests;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Asks one registry repository which manifest a tag points to, over the distribution API ({@link
 * RegistryHttp} carries the requests): a HEAD on {@code /v2/<repo>/manifests/<tag>} with every
 * manifest and index media type in one {@code Accept} header, answered by the {@code
 * Docker-Content-Digest} header. The manifest body is never parsed, so any valid manifest resolves
 * (OCI 1.1 {@code artifactType}, descriptor {@code data}). Only when the registry gives no usable
 * header is the body fetched with GET and hashed.
 *
 * <p>A HEAD 404 carries no body, so it is confirmed with a GET: only {@code MANIFEST_UNKNOWN} or an
 * empty 404 means "this tag does not exist". Authentication follows the registry's challenge
 * (Bearer token or Basic). 429, 5xx and network errors are retried within the {@link RetryBudget};
 * nothing else is.
 */
public final class RegistryManifestClient implements TagDigests {
  /** Index types first: a multi-platform tag must resolve to its index, not one platform. */
  static final String ACCEPT =
      "application/vnd.oci.image.index.v1+json,"
          + "application/vnd.docker.distribution.manifest.list.v2+json,"
          + "application/vnd.oci.image.manifest.v1+json,"
          + "application/vnd.docker.distribution.manifest.v2+json";

  private static final int MAX_ATTEMPTS_STATUS = 6;
  private static final int MAX_ATTEMPTS_NETWORK = 3;

  /** What is read from response bodies; compiled only when a body needs reading. */
  private static final class Bodies {
    static final Pattern ERROR_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"(?:token|access_token)\"\\s*:\\s*\"([^\"]+)\"");
  }

  /** Connection settings of one resolution. */
  public record Options(
      boolean allowInsecure, boolean sendCredentialsOverHttp, Duration requestTimeout) {}

  private final String registry;
  private final String repository;
  private final Options options;
  private final CredentialLookup credentials;
  private final RetryBudget budget;
  private final Consumer<String> debug;
  private final List<String> secrets = new ArrayList<>();
  private final boolean explicitPort;
  private final RegistryHttp http;
  private String scheme;
  private boolean schemeSwitched;
  private String authorization;
  private String credentialSource = "anonymous access";

  /** A first HEAD started by {@link StartedLookup#start}, until {@link #send} takes or drops it. */
  private StartedLookup started;

  public RegistryManifestClient(
      String registry,
      String repository,
      Options options,
      CredentialLookup credentials,
      RetryBudget budget,
      Consumer<String> debug) {
    this.http = new RegistryHttp(options.allowInsecure());
    this.registry = registry;
    this.repository = repository;
    this.options = options;
    this.credentials = credentials;
    this.budget = budget;
    this.debug = debug;
    this.explicitPort = RegistryNames.hasPort(registry);
    this.scheme = RegistryNames.firstScheme(registry, options.allowInsecure());
  }

  /** {@code host:port} as used in every message. */
  public String hostPort() {
    return explicitPort ? registry : registry + ":443";
  }

  /**
   * The digest the tag points to, or empty when the registry says the tag does not exist.
   *
   * @throws GoalException for every other answer: no fallback may follow it
   */
  @Override
  public Optional<String> digestOf(String tag) throws GoalException, InterruptedException {
    String path = manifestPath(tag);
    RegistryHttp.Response head = exchange("HEAD", path);
    int status = head.status();
    if (status == 200) {
      String header = head.firstHeader("Docker-Content-Digest").orElse("").trim();
      if (Digests.isValid(header)) {
        return Optional.of(header);
      }
      debug.accept("HEAD " + path + " gave no sha256 Docker-Content-Digest; hashing the manifest");
      return digestFromGet(path, tag);
    }
    if (status == 404 || status == 405 || status == 501) {
      return digestFromGet(path, tag);
    }
    throw unexpected("HEAD", path, head);
  }

  /**
   * Takes over a first request started by {@link StartedLookup#start} for this registry and
   * repository: {@link #digestOf digestOf(tag)} takes its answer, and meets its failures like those
   * of any other request; if anything else is asked first, the request is abandoned.
   */
  public void adopt(StartedLookup lookup) {
    if (started != null) {
      started.pending().abandon();
    }
    started = lookup;
  }

  private String manifestPath(String tag) {
    return RegistryNames.manifestPath(repository, tag);
  }

  private Optional<String> digestFromGet(String path, String tag)
      throws GoalException, InterruptedException {
    RegistryHttp.Response get = exchange("GET", path);
    if (get.status() == 200) {
      return Optional.of(Digests.sha256(get.body()));
    }
    if (get.status() == 404) {
      String body = new String(get.body(), StandardCharsets.UTF_8);
      Matcher code = Bodies.ERROR_CODE.matcher(body);
      if (body.isBlank()) {
        return Optional.empty();
      }
      if (code.find()) {
        if (code.group(1).equals("MANIFEST_UNKNOWN")) {
          return Optional.empty();
        }
        throw GoalException.user(
            "registry "
                + hostPort()
                + " answered 404 "
                + code.group(1)
                + " for "
                + repository
                + ":"
                + tag
                + ", which is not 'manifest unknown'; not falling"
                + " back to another tag. Check "
                + PropertyNames.IMAGE
                + " (repository name and access).");
      }
      throw GoalException.user(
          "registry "
              + hostPort()
              + " answered 404 without a registry"
              + " error code for "
              + repository
              + ":"
              + tag
              + " (is "
              + hostPort()
              + " a registry?);"
              + " not falling back to another tag. Check "
              + PropertyNames.IMAGE
              + ".");
    }
    throw unexpected("GET", path, get);
  }

  private GoalException unexpected(String method, String path, RegistryHttp.Response r) {
    return GoalException.user(
        "registry "
            + hostPort()
            + " answered "
            + r.status()
            + " to "
            + method
            + " "
            + path
            + errorSuffix(r)
            + "; check "
            + PropertyNames.IMAGE);
  }

  /** One request with authentication and retries; returns any non-retryable answer. */
  private RegistryHttp.Response exchange(String method, String path)
      throws GoalException, InterruptedException {
    int attempts = 0;
    boolean authenticated = false;
    while (true) {
      attempts++;
      URI uri = URI.create(scheme + "://" + registry + path);
      RegistryHttp.Response response;
      try {
        response = send(method, uri, authorization, ACCEPT);
      } catch (IOException e) {
        if (switchToHttp(e)) {
          attempts--;
          continue;
        }
        if (isTls(e)) {
          throw GoalException.user(
              "TLS with registry "
                  + hostPort()
                  + " failed ("
                  + rootMessage(e)
                  + "). Make the JVM trust its certificate (javax.net.ssl.trustStore), or for a"
                  + " test registry set "
                  + PropertyNames.ALLOW_INSECURE_REGISTRIES
                  + "=true");
        }
        RetryBudget.Decision d = budget.next(attempts, MAX_ATTEMPTS_NETWORK, Optional.empty());
        if (!d.retry()) {
          throw GoalException.environment(
              "cannot reach registry "
                  + hostPort()
                  + " ("
                  + rootMessage(e)
                  + "); "
                  + d.reason()
                  + " within "
                  + PropertyNames.RESOLVE_TIMEOUT
                  + "="
                  + RetryBudget.seconds(budget.total())
                  + ". Check the network and "
                  + PropertyNames.IMAGE,
              e);
        }
        debug.accept(
            method
                + " "
                + uri
                + " failed ("
                + rootMessage(e)
                + "); retrying in "
                + RetryBudget.seconds(d.delay()));
        budget.sleep(d.delay());
        continue;
      }
      int status = response.status();
      debug.accept(method + " " + uri + " -> " + status);
      if (status == 400 && scheme.equals("http") && !schemeSwitched) {
        // What a TLS-only server says to a plain-http request: try https once.
        debug.accept("plain http to " + hostPort() + " answered 400; trying https");
        scheme = "https";
        schemeSwitched = true;
        attempts--;
        continue;
      }
      if (status == 401 && !authenticated) {
        authenticated = true;
        authenticate(response);
        attempts--;
        continue;
      }
      if (status == 401) {
        throw GoalException.user(
            "registry "
                + hostPort()
                + " refused "
                + repository
                + " with "
                + credentialSource
                + " (HTTP 401"
                + errorSuffix(response)
                + "). "
                + (credentialSource.equals("anonymous access")
                    ? "Configure credentials: " + credentials.howToConfigure()
                    : "Check those credentials, or configure others: "
                        + credentials.howToConfigure()));
      }
      if (status == 403) {
        throw GoalException.user(
            "registry "
                + hostPort()
                + " denied access to "
                + repository
                + " (HTTP 403"
                + errorSuffix(response)
                + ") with "
                + credentialSource
                + ". Use credentials that may pull it: "
                + credentials.howToConfigure());
      }
      if (status == 429 || status >= 500) {
        RetryBudget.Decision d =
            budget.next(attempts, MAX_ATTEMPTS_STATUS, response.firstHeader("Retry-After"));
        if (!d.retry()) {
          throw GoalException.environment(
              "registry "
                  + hostPort()
                  + " answered "
                  + status
                  + " to "
                  + method
                  + " "
                  + path
                  + errorSuffix(response)
                  + "; "
                  + d.reason()
                  + ". Not falling back to another tag. Try again later or raise"
                  + " "
                  + PropertyNames.RESOLVE_TIMEOUT,
              null);
        }
        debug.accept(
            "registry answered " + status + "; retrying in " + RetryBudget.seconds(d.delay()));
        budget.sleep(d.delay());
        continue;
      }
      return response;
    }
  }

  /** Follows a 401 challenge: fetches a Bearer token or prepares Basic authentication. */
  private void authenticate(RegistryHttp.Response unauthorized)
      throws GoalException, InterruptedException {
    String header = unauthorized.firstHeader("WWW-Authenticate").orElse("");
    AuthChallenge challenge =
        AuthChallenge.parse(header)
            .orElseThrow(
                () ->
                    GoalException.user(
                        "registry "
                            + hostPort()
                            + " answered 401 without a usable WWW-Authenticate challenge"));
    Optional<RegistryCredential> credential = credentials.find();
    credential.ifPresent(c -> secrets.addAll(Secrets.renderings(c)));
    if (challenge.isBasic()) {
      if (credential.isEmpty()) {
        throw GoalException.user(
            "registry "
                + hostPort()
                + " requires credentials for "
                + repository
                + " (HTTP 401). Configure them: "
                + credentials.howToConfigure());
      }
      requireCredentialsAllowed(URI.create(scheme + "://" + registry + "/"), credential.get());
      authorization = credential.get().basicAuthorization();
      credentialSource = "credentials from " + credential.get().source();
      return;
    }
    if (!challenge.isBearer()) {
      throw GoalException.user(
          "registry "
              + hostPort()
              + " asks for unsupported authentication '"
              + challenge.scheme()
              + "'");
    }
    String realm =
        challenge
            .parameter("realm")
            .orElseThrow(
                () ->
                    GoalException.user(
                        "registry " + hostPort() + " sent a Bearer challenge without realm"));
    URI realmUri;
    try {
      realmUri = URI.create(realm);
    } catch (IllegalArgumentException e) {
      throw GoalException.user("registry " + hostPort() + " sent an invalid token realm");
    }
    if (!"https".equalsIgnoreCase(realmUri.getScheme()) && !options.allowInsecure()) {
      throw GoalException.user(
          "the token service of registry "
              + hostPort()
              + " is plain "
              + realmUri.getScheme()
              + "; set "
              + PropertyNames.ALLOW_INSECURE_REGISTRIES
              + "=true only if you trust it");
    }
    StringBuilder query = new StringBuilder();
    challenge.parameter("service").ifPresent(s -> query.append("service=").append(encode(s)));
    String scope = challenge.parameter("scope").orElse("repository:" + repository + ":pull");
    query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(scope));
    URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    String tokenAuthorization = null;
    if (credential.isPresent()) {
      requireCredentialsAllowed(tokenUri, credential.get());
      tokenAuthorization = credential.get().basicAuthorization();
    }
    RegistryHttp.Response token;
    try {
      token = send("GET", tokenUri, tokenAuthorization, "application/json");
    } catch (IOException e) {
      throw GoalException.environment(
          "cannot reach the token service of registry " + hostPort() + " (" + rootMessage(e) + ")",
          e);
    }
    String who = credential.map(c -> "credentials from " + c.source()).orElse("anonymous access");
    if (token.status() == 401 || token.status() == 403) {
      throw GoalException.user(
          "the token service of registry "
              + hostPort()
              + " refused a pull"
              + " token for "
              + repository
              + " with "
              + who
              + " (HTTP "
              + token.status()
              + "). "
              + (credential.isEmpty()
                  ? "Configure credentials: "
                  : "Check them or configure others: ")
              + credentials.howToConfigure());
    }
    if (token.status() != 200) {
      throw GoalException.environment(
          "the token service of registry " + hostPort() + " answered " + token.status(), null);
    }
    Matcher m = Bodies.TOKEN.matcher(new String(token.body(), StandardCharsets.UTF_8));
    if (!m.find()) {
      throw GoalException.environment(
          "the token service of registry " + hostPort() + " answered without a token", null);
    }
    secrets.add(m.group(1));
    authorization = "Bearer " + m.group(1);
    credentialSource = who;
  }

  private void requireCredentialsAllowed(URI target, RegistryCredential credential)
      throws GoalException {
    if ("https".equalsIgnoreCase(target.getScheme()) || options.sendCredentialsOverHttp()) {
      return;
    }
    if (options.allowInsecure() && RegistryNames.isLoopback(target.getHost())) {
      return;
    }
    throw GoalException.user(
        "registry "
            + hostPort()
            + " is reached over plain http, so the"
            + " credentials from "
            + credential.source()
            + " are not sent. Use https, or set"
            + " "
            + PropertyNames.SEND_CREDENTIALS_OVER_HTTP
            + "=true if you accept sending them in clear text");
  }

  /** With insecure registries allowed, https that fails at the TLS level falls back to http. */
  private boolean switchToHttp(IOException e) {
    if (!options.allowInsecure() || !scheme.equals("https") || schemeSwitched) {
      return false;
    }
    if (isTls(e)
        || hasCause(e, RegistryHttp.ConnectTimeoutException.class)
        || (!explicitPort && hasCause(e, ConnectException.class))) {
      schemeSwitched = true;
      debug.accept(
          "https to " + hostPort() + " failed (" + rootMessage(e) + "); trying plain http");
      scheme = "http";
      return true;
    }
    return false;
  }

  private RegistryHttp.Response send(String method, URI uri, String auth, String accept)
      throws IOException, InterruptedException {
    if (started != null) {
      StartedLookup lookup = started;
      started = null;
      if (auth == null && ACCEPT.equals(accept) && lookup.request().equals(method + " " + uri)) {
        return lookup.pending().await();
      }
      lookup.pending().abandon();
    }
    if (budget.expired()) {
      throw new IOException("time budget used up before " + method + " " + uri.getPath());
    }
    return http.send(method, uri, auth, accept, budget.requestTimeout(options.requestTimeout()));
  }

  private String errorSuffix(RegistryHttp.Response r) {
    if (r.body() == null || r.body().length == 0) {
      return "";
    }
    Matcher m = Bodies.ERROR_CODE.matcher(new String(r.body(), StandardCharsets.UTF_8));
    return m.find() ? ", " + m.group(1) : "";
  }

  private static boolean isTls(Throwable e) {
    return hasCause(e, SSLException.class);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text =
        root.getMessage() == null || root.getMessage().isBlank()
            ? root.getClass().getSimpleName()
            : root.getClass().getSimpleName() + ": " + root.getMessage();
    if (e.getMessage() != null && e.getMessage().startsWith("no answer within")) {
      text = e.getMessage();
    }
    return Secrets.redact(text, secrets);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
