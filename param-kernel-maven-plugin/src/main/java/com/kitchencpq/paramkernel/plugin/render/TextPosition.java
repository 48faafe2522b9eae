package com.kitchencpq.paramkernel.plugin.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns character offsets of a text into 1-based line and column numbers. A line ends at {@code
 * \n}, {@code \r\n} or a lone {@code \r}, the same breaks a YAML parser counts.
 */
final class TextPosition {
  private final int[] lineStarts;

  TextPosition(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** 1-based line of the offset. */
  int line(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  /** 1-based column of the offset, counted in characters. */
  int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }
}
