package com.kitchencpq.paramkernel.plugin.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that may leave the process (messages, log lines), in two ways.
 *
 * <ol>
 *   <li><b>Known secrets</b>, wherever they appear: each value handed in (a password, a token, and
 *       the forms a credential takes on the wire, {@link #renderings}) of at least {@value
 *       #MIN_FREE_TEXT_LENGTH} characters.
 *   <li><b>Places where a credential is written</b>, whatever the value there, known or not, of any
 *       length: the value of an {@code Authorization} or {@code Proxy-Authorization} header (after
 *       its scheme), the password of a URL's user info ({@code https://user:****@host}), and the
 *       value after a credential-named key ({@code password=}, {@code "token":}, {@code auth:},
 *       ...).
 * </ol>
 *
 * <p>Why a known secret shorter than {@value #MIN_FREE_TEXT_LENGTH} characters is masked only in
 * those places: masking a one- or two-character value everywhere turns ordinary words and numbers
 * into {@code ****}, and worse, every mask then marks an occurrence of the secret, so the masked
 * text spells the secret out. Where a credential is written, the mask says nothing about the value.
 */
public final class Secrets {
  static final String MASK = "****";

  /** Known secrets at least this long are masked everywhere; shorter ones only in place. */
  public static final int MIN_FREE_TEXT_LENGTH = 3;

  /** Compiled on first use only: most runs never mask anything. */
  private static final class Places {
    static final Pattern HEADER =
        Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?(?:(?:basic|bearer|token)\\s+)?)"
                + "([^\\s\"',;&}]+)");
    static final Pattern USER_INFO =
        Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]*:)([^/\\s@]+)@");
    static final Pattern KEY_VALUE =
        Pattern.compile(
            "(?i)(?<![\\w.-])((?:[a-z0-9]+[_.-])*(?:password|passwd|pwd|secret|token|access_token"
                + "|refresh_token|identitytoken|registrytoken|auth|api[_-]?key)[\"']?\\s*[:=]\\s*[\"']?)"
                + "([^\\s\"',;&}]+)");
  }

  /** Cheap test before any regular expression runs: every place pattern needs one of these. */
  private static final String[] PLACE_HINTS = {
    "auth", "pass", "pwd", "secret", "token", "key", "@"
  };

  private Secrets() {}

  /**
   * Masks the known {@code secrets} (those of at least {@value #MIN_FREE_TEXT_LENGTH} characters,
   * longest first, blanks ignored) everywhere, and every value in a place where a credential is
   * written.
   */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (secrets != null && !secrets.isEmpty()) {
      List<String> sorted = new ArrayList<>();
      for (String s : secrets) {
        if (s != null && !s.isBlank() && s.length() >= MIN_FREE_TEXT_LENGTH) {
          sorted.add(s);
        }
      }
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      for (String s : sorted) {
        out = out.replace(s, MASK);
      }
    }
    return maskPlaces(out);
  }

  /** Masks every value in a place where a credential is written (see the class comment). */
  static String maskPlaces(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean hinted = false;
    for (String hint : PLACE_HINTS) {
      if (lower.contains(hint)) {
        hinted = true;
        break;
      }
    }
    if (!hinted) {
      return text;
    }
    String out = replaceValue(Places.HEADER, text);
    out = replaceValue(Places.USER_INFO, out);
    return replaceValue(Places.KEY_VALUE, out);
  }

  private static String replaceValue(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.start(2)).append(MASK);
      last = m.end(2);
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }

  /**
   * The forms a credential takes when it is sent or stored, to be masked like its secret: the
   * secret itself, {@code user:secret}, and the Basic value (base64 of {@code user:secret}, with
   * and without its {@code =} padding). Even for a short secret the last three are long.
   */
  public static List<String> renderings(RegistryCredential credential) {
    List<String> forms = new ArrayList<>(4);
    if (credential == null || credential.secret() == null || credential.secret().isEmpty()) {
      return forms;
    }
    String pair = credential.username() + ":" + credential.secret();
    String basic = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    forms.add(credential.secret());
    forms.add(pair);
    forms.add(basic);
    String unpadded = basic.replace("=", "");
    if (!unpadded.equals(basic)) {
      forms.add(unpadded);
    }
    return forms;
  }
}
