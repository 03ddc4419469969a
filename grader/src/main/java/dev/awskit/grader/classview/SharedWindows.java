package dev.awskit.grader.classview;

/**
 * Bounds from above, cheaply, how many tokens Greedy String Tiling can match between two streams,
 * so that pairs which cannot reach the threshold need no tiling.
 *
 * <p>Every tile is a run of at least the minimum match length of equal, unmarked tokens, so each
 * of its tokens lies in a window of that length which both streams hold unmarked. The tokens of a
 * stream covered by such windows are therefore at least as many as the matched ones. Windows are
 * looked up by a hash in a Bloom filter (three bits of a set per window): a false hit only makes
 * the bound larger, never wrong.
 *
 * @param hashes each window's hash by its first position; {@link #NONE} where the window holds a
 *     marked token (base code, a file's end)
 * @param bits the stream's Bloom filter of its windows' hashes
 * @param length the windows' length: the minimum match length
 */
record SharedWindows(long[] hashes, long[] bits, int length) {

  /** Marks a window no match can use. */
  static final long NONE = Long.MIN_VALUE;

  // 8,192 bits, three a window: for 300 windows, one false hit in about a thousand look-ups.
  private static final int BITS = 1 << 13;
  private static final int BITS_A_WINDOW = 3;

  /**
   * Hashes a stream's windows.
   *
   * @param values the stream's tokens as numbers, equal for equal token types
   * @param marked the positions no match may cover
   * @param length the minimum match length
   */
  static SharedWindows of(int[] values, boolean[] marked, int length) {
    long[] hashes = new long[Math.max(0, values.length - length + 1)];
    long[] bits = new long[BITS / Long.SIZE];
    int unmarked = 0; // the unmarked tokens that end at the current position
    for (int end = 0; end < values.length; end++) {
      unmarked = marked[end] ? 0 : unmarked + 1;
      int start = end - length + 1;
      if (start >= 0) {
        hashes[start] = unmarked >= length ? hash(values, start, length) : NONE;
        if (hashes[start] != NONE) {
          for (int k = 0; k < BITS_A_WINDOW; k++) {
            int bit = bit(hashes[start], k);
            bits[bit >>> 6] |= 1L << bit;
          }
        }
      }
    }
    return new SharedWindows(hashes, bits, length);
  }

  /** Returns at least as many tokens as the tiling of the two streams can match. */
  static int bound(SharedWindows one, SharedWindows two) {
    return Math.min(one.coveredBy(two), two.coveredBy(one));
  }

  /** Returns how many of this stream's tokens lie in a window the other stream may hold too. */
  int coveredBy(SharedWindows other) {
    int covered = 0;
    int countedUntil = 0; // the first position not counted yet
    for (int start = 0; start < hashes.length; start++) {
      if (hashes[start] != NONE && other.mayHold(hashes[start])) {
        covered += start + length - Math.max(start, countedUntil);
        countedUntil = start + length;
      }
    }
    return covered;
  }

  private boolean mayHold(long hash) {
    for (int k = 0; k < BITS_A_WINDOW; k++) {
      int bit = bit(hash, k);
      if ((bits[bit >>> 6] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns the {@code k}th bit of a hash: thirteen of its bits, mixed first. */
  private static int bit(long hash, int k) {
    long mixed = hash * 0x9E3779B97F4A7C15L;
    return (int) ((mixed >>> (64 - 13 * (k + 1))) & (BITS - 1));
  }

  private static long hash(int[] values, int start, int length) {
    long hash = 1125899906842597L;
    for (int i = start; i < start + length; i++) {
      hash = 31 * hash + values[i];
    }
    return hash == NONE ? NONE + 1 : hash;
  }
}
