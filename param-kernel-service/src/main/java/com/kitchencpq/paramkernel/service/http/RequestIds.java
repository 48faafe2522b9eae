package com.kitchencpq.paramkernel.service.http;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids: the client's {@code X-Request-Id} made safe for logs and headers, or a new one. */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final int MAX_LENGTH = 64;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {}

  /**
   * Keeps letters, digits and {@code - _ . : / + =} (enough for UUIDs, trace ids and base64), drops
   * everything else and cuts at {@value #MAX_LENGTH} characters; generates an id when nothing
   * usable is left.
   */
  public static String accept(String fromClient) {
    if (fromClient != null) {
      StringBuilder sb = new StringBuilder(Math.min(fromClient.length(), MAX_LENGTH));
      for (int i = 0; i < fromClient.length() && sb.length() < MAX_LENGTH; i++) {
        char c = fromClient.charAt(i);
        if ((c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9')
            || c == '-'
            || c == '_'
            || c == '.'
            || c == ':'
            || c == '/'
            || c == '+'
            || c == '=') {
          sb.append(c);
        }
      }
      if (sb.length() > 0) {
        return sb.toString();
      }
    }
    return generate();
  }

  /** 32 random hex digits. */
  public static String generate() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    char[] id = new char[32];
    long a = r.nextLong();
    long b = r.nextLong();
    for (int i = 0; i < 16; i++) {
      id[i] = HEX[(int) (a >>> (60 - 4 * i)) & 0xf];
      id[16 + i] = HEX[(int) (b >>> (60 - 4 * i)) & 0xf];
    }
    return new String(id);
  }
}
