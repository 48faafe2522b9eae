package com.kitchencpq.paramkernel.plugin.digest;

import com.kitchencpq.paramkernel.plugin.core.Digests;
import com.kitchencpq.paramkernel.plugin.core.GitHead;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.Log;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.registry.CredentialLookup;
import com.kitchencpq.paramkernel.plugin.registry.ImageName;
import com.kitchencpq.paramkernel.plugin.registry.RegistryCredential;
import com.kitchencpq.paramkernel.plugin.registry.RegistryManifestClient;
import com.kitchencpq.paramkernel.plugin.registry.RetryBudget;
import com.kitchencpq.paramkernel.plugin.registry.StartedLookup;
import com.kitchencpq.paramkernel.plugin.registry.TagDigests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * resolve-digest without Maven: an override, a local OCI layout, or the registry, in that order;
 * then the tag preference rule. Falls back to a later tag only when the earlier one does not exist;
 * every other problem is a {@link GoalException}.
 */
public final class DigestResolver {
  /**
   * Everything one resolution needs; built by the Mojo or a test.
   *
   * @param settingsCredential the settings.xml server with the first of the given ids, asked only
   *     when a registry wants credentials
   * @param gitWorkTree where to read the branch that decides the default strictness; null for none
   */
  public record Request(
      String image,
      String tags,
      Boolean strict,
      String digestOverride,
      Path ociLayout,
      boolean offline,
      boolean allowInsecure,
      boolean sendCredentialsOverHttp,
      Duration timeout,
      Duration visibilityRetry,
      Duration requestTimeout,
      Function<List<String>, Optional<RegistryCredential>> settingsCredential,
      Map<String, String> env,
      Path gitWorkTree,
      Path userHome) {}

  private static final Duration VISIBILITY_POLL = Duration.ofMillis(500);

  private final Log log;
  private final Function<Duration, RetryBudget> budgets;

  public DigestResolver(Log log) {
    this.log = log;
    this.budgets = null; // the real clock: RetryBudget.startingNow
  }

  /** With a budget factory, so tests can run on a fake clock. */
  public DigestResolver(Log log, Function<Duration, RetryBudget> budgets) {
    this.log = log;
    this.budgets = budgets;
  }

  public Resolution resolve(Request request) throws GoalException, InterruptedException {
    String image = request.image() == null ? "" : request.image().trim();
    if (request.digestOverride() != null && !request.digestOverride().isBlank()) {
      String digest = Digests.requireValid(request.digestOverride(), PropertyNames.DIGEST);
      return new Resolution(
          image, null, digest, false, Resolution.Source.OVERRIDE, List.of(), PropertyNames.DIGEST);
    }
    ImageName name = ImageName.parse(image);
    // Outside CI the default list starts with the git HEAD commit; read git only then.
    GitHead git =
        TagPreferences.fromGitHead(request.tags(), request.env())
            ? GitHead.of(request.gitWorkTree())
            : null;
    List<String> tags =
        TagPreferences.parse(
            request.tags(),
            request.env(),
            git == null ? Optional.empty() : git.commit(),
            PropertyNames.TAGS);
    // A tag from the local git HEAD was not pushed by a CI job moments ago: no visibility wait.
    boolean localHead = git != null && git.commit().isPresent();
    Duration visibilityRetry = localHead ? Duration.ZERO : request.visibilityRetry();
    RegistryManifestClient client = null;
    RetryBudget budget = null;
    if (request.ociLayout() == null && !request.offline()) {
      // The first request goes out now; the client is set up while it is under way.
      budget =
          budgets == null
              ? RetryBudget.startingNow(request.timeout())
              : budgets.apply(request.timeout());
      RegistryManifestClient.Options options =
          new RegistryManifestClient.Options(
              request.allowInsecure(), request.sendCredentialsOverHttp(), request.requestTimeout());
      StartedLookup first =
          StartedLookup.start(
              name.registry(),
              name.repository(),
              tags.get(0),
              options,
              budget.requestTimeout(request.requestTimeout()));
      Consumer<String> debug = new DebugLines(log);
      client =
          new RegistryManifestClient(
              name.registry(),
              name.repository(),
              options,
              new CredentialLookup(
                  name,
                  image,
                  request.settingsCredential(),
                  request.env(),
                  request.userHome(),
                  debug),
              budget,
              debug);
      client.adopt(first);
    }
    boolean strict =
        request.strict() != null
            ? request.strict()
            : TagPreferences.strictByDefault(
                request.env(),
                (git != null ? git : GitHead.of(request.gitWorkTree())).branch().orElse(null));
    TagPreferences preferences = new TagPreferences(tags, strict);
    if (strict && request.strict() == null) {
      log.debug("Strict mode: release branch, only tag " + tags.get(0) + " counts");
    }
    if (localHead) {
      log.debug(
          "Tag "
              + tags.get(0)
              + " is the git HEAD commit (no GITHUB_SHA): asked once,"
              + " without the "
              + PropertyNames.RESOLVE_VISIBILITY_RETRY
              + " wait");
    }

    if (request.ociLayout() != null) {
      OciLayoutTags layout = OciLayoutTags.read(request.ociLayout(), PropertyNames.OCI_LAYOUT);
      String origin = "OCI layout " + forPeople(request.ociLayout());
      return pick(image, preferences, origin, Resolution.Source.LOCAL, layout, Duration.ZERO, null);
    }
    if (request.offline()) {
      throw GoalException.user(
          "Maven runs offline (-o), so registry "
              + name.registry()
              + " cannot be asked for "
              + image
              + ". Pass -Dparamkernel.digest=sha256:<hex>, or point"
              + " "
              + PropertyNames.OCI_LAYOUT
              + " at a local image layout, or run without -o");
    }
    String origin = "registry " + client.hostPort();
    return pick(
        image, preferences, origin, Resolution.Source.REGISTRY, client, visibilityRetry, budget);
  }

  /**
   * The log's debug level as a consumer; a class, not {@code log::debug}, for the reason {@code
   * RetryBudget.RealTime} gives ({@code docs/digest-benchmark.md}, "What changed for these
   * numbers").
   */
  private static final class DebugLines implements Consumer<String> {
    private final Log log;

    DebugLines(Log log) {
      this.log = log;
    }

    @Override
    public void accept(String message) {
      log.debug(message);
    }
  }

  /** The layout path relative to the working directory when it lies below it (Maven's log). */
  static String forPeople(Path layout) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = layout.toAbsolutePath().normalize();
    return absolute.startsWith(here) && !absolute.equals(here)
        ? here.relativize(absolute).toString()
        : absolute.toString();
  }

  private Resolution pick(
      String image,
      TagPreferences preferences,
      String origin,
      Resolution.Source source,
      TagDigests lookup,
      Duration visibilityRetry,
      RetryBudget budget)
      throws GoalException, InterruptedException {
    List<String> missing = new ArrayList<>();
    List<String> candidates = preferences.candidates();
    for (int i = 0; i < candidates.size(); i++) {
      String tag = candidates.get(i);
      Optional<String> digest = lookup.digestOf(tag);
      if (digest.isEmpty() && i == 0 && !visibilityRetry.isZero()) {
        digest = waitForVisibility(tag, lookup, visibilityRetry, budget);
      }
      if (digest.isPresent()) {
        return new Resolution(image, tag, digest.get(), i > 0, source, missing, origin);
      }
      missing.add(tag);
      if (i + 1 < candidates.size()) {
        log.warn(
            "Tag "
                + tag
                + " of "
                + image
                + " not found in "
                + origin
                + "; falling back to "
                + candidates.get(i + 1));
      }
    }
    if (preferences.strict()) {
      throw GoalException.user(
          "Tag "
              + candidates.get(0)
              + " of "
              + image
              + " not found in "
              + origin
              + ". Strict mode (release branch or "
              + PropertyNames.STRICT
              + "=true) allows no fallback:"
              + " push that tag, or set "
              + PropertyNames.TAGS
              + " / "
              + PropertyNames.STRICT);
    }
    throw GoalException.user(
        "None of the tags "
            + String.join(", ", missing)
            + " of "
            + image
            + " exists in "
            + origin
            + ". Push the image, or set "
            + PropertyNames.TAGS
            + " or "
            + PropertyNames.DIGEST);
  }

  /** A tag pushed moments ago may not be visible yet: ask again for a short while. */
  private Optional<String> waitForVisibility(
      String tag, TagDigests lookup, Duration window, RetryBudget budget)
      throws GoalException, InterruptedException {
    Duration waited = Duration.ZERO;
    while (waited.compareTo(window) < 0 && budget.remaining().compareTo(VISIBILITY_POLL) > 0) {
      log.debug(
          "Tag "
              + tag
              + " not visible yet; asking again ("
              + PropertyNames.RESOLVE_VISIBILITY_RETRY
              + "="
              + RetryBudget.seconds(window)
              + ")");
      budget.sleep(VISIBILITY_POLL);
      waited = waited.plus(VISIBILITY_POLL);
      Optional<String> digest = lookup.digestOf(tag);
      if (digest.isPresent()) {
        return digest;
      }
    }
    return Optional.empty();
  }
}
