package dev.awskit.grader.classview;

import de.jplag.GreedyStringTiling;
import de.jplag.JPlagComparison;
import de.jplag.Match;
import de.jplag.Submission;
import de.jplag.Token;
import de.jplag.TokenType;
import de.jplag.java.Language;
import de.jplag.options.JPlagOptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Compares the distinct token streams of one question pairwise with JPlag's Greedy String Tiling,
 * the question's base code marked first so that no match covers it.
 *
 * <p>It is made in two steps: {@link #prepare} marks the base code, counts each stream's own
 * tokens and bounds what any pair can match ({@link SharedWindows}); {@link #compare} then tiles
 * the pairs the caller still needs, on every worker of a pool. Each worker has a tiling of its
 * own: JPlag's keeps its caches in plain maps, filled as it goes, which threads must not share.
 */
final class QuestionComparison {

  /**
   * Names how many tokens of its own a question's code needs to be compared: fewer than two of
   * JPlag's minimum matches for Java, and it is the base code with a trifle changed.
   */
  static final int MINIMUM_OWN_TOKENS = 18;

  private final JPlagOptions options;
  private final List<Submission> submissions;
  private final Optional<Submission> base;
  private final int[] own;
  private final SharedWindows[] windows;
  private final int[] matched;

  private QuestionComparison(
      JPlagOptions options,
      List<Submission> submissions,
      Optional<Submission> base,
      int[] own,
      SharedWindows[] windows) {
    this.options = options;
    this.submissions = submissions;
    this.base = base;
    this.own = own;
    this.windows = windows;
    int count = submissions.size();
    this.matched = new int[count * (count - 1) / 2];
  }

  /**
   * Marks the base code in every stream and counts the tokens of its own.
   *
   * @param streams the question's distinct token streams
   * @param baseCode the question's base code, if the students were given any
   */
  static QuestionComparison prepare(
      List<QuestionCode.Parsed> streams, Optional<QuestionCode.Parsed> baseCode) {
    Language java = new Language();
    JPlagOptions options = new JPlagOptions(java, Set.of(), Set.of());
    List<Submission> submissions = new ArrayList<>(streams.size());
    for (int i = 0; i < streams.size(); i++) {
      submissions.add(submission("stream-" + i, streams.get(i), java));
    }
    Optional<Submission> base = baseCode.map(code -> submission("base", code, java));
    GreedyStringTiling tiling = new GreedyStringTiling(options);
    Map<TokenType, Integer> numbers = new HashMap<>();
    int[] own = new int[streams.size()];
    SharedWindows[] windows = new SharedWindows[streams.size()];
    for (int i = 0; i < streams.size(); i++) {
      Submission submission = submissions.get(i);
      List<Token> tokens = streams.get(i).tokens();
      int[] values = new int[tokens.size()];
      boolean[] marked = new boolean[tokens.size()];
      for (int t = 0; t < tokens.size(); t++) {
        values[t] = numbers.computeIfAbsent(tokens.get(t).getType(), type -> numbers.size());
        marked[t] = tokens.get(t).getType().isExcludedFromMatching();
      }
      int baseTokens = 0;
      if (base.isPresent()) {
        JPlagComparison withBase = tiling.generateBaseCodeMarking(submission, base.get());
        baseTokens = withBase.getNumberOfMatchedTokens();
        for (Match match : withBase.matches()) {
          boolean first = withBase.firstSubmission() == submission;
          int start = first ? match.startOfFirst() : match.startOfSecond();
          for (int t = start; t < start + match.length(); t++) {
            marked[t] = true;
          }
        }
      }
      int ofItsOwn = tokens.size() - streams.get(i).files().size() - baseTokens;
      if (ofItsOwn >= MINIMUM_OWN_TOKENS) {
        own[i] = ofItsOwn;
        windows[i] = SharedWindows.of(values, marked, options.minimumTokenMatch());
      }
    }
    return new QuestionComparison(options, submissions, base, own, windows);
  }

  /** Returns how many streams there are. */
  int streams() {
    return own.length;
  }

  /**
   * Returns a stream's own tokens: those the base code does not match, file ends left out, as
   * JPlag counts them for its similarity; 0 for a stream with too few to be compared.
   */
  int own(int stream) {
    return own[stream];
  }

  /** Returns at least as many tokens as two streams can have in common. */
  int bound(int first, int second) {
    if (own[first] == 0 || own[second] == 0) {
      return 0;
    }
    if (first == second) {
      return own[first];
    }
    int shared = SharedWindows.bound(windows[first], windows[second]);
    return Math.min(shared, Math.min(own[first], own[second]));
  }

  /** Returns the tokens two streams have in common, once {@link #compare} tiled them. */
  int matched(int first, int second) {
    if (own[first] == 0 || own[second] == 0) {
      return 0;
    }
    if (first == second) {
      return own[first]; // a stream matches itself wholly, base code left out
    }
    return matched[index(Math.min(first, second), Math.max(first, second))];
  }

  /** Returns where the pair {@code first < second} is kept among all pairs of streams. */
  int index(int first, int second) {
    return first * own.length - first * (first + 1) / 2 + (second - first - 1);
  }

  /**
   * Tiles the pairs of streams the caller needs.
   *
   * @param needed the pairs, by {@link #index}
   * @param pool the workers
   * @param workers how many workers the pool has
   */
  void compare(BitSet needed, ExecutorService pool, int workers) {
    List<Future<?>> running = new ArrayList<>();
    for (int worker = 0; worker < workers; worker++) {
      int first = worker;
      running.add(pool.submit(() -> compareRows(needed, first, workers)));
    }
    for (Future<?> future : running) {
      await(future);
    }
  }

  /**
   * Tiles the needed pairs of rows {@code first}, {@code first + step}, ..: interleaved rows give
   * every worker about as many pairs.
   */
  private void compareRows(BitSet needed, int first, int step) {
    GreedyStringTiling tiling = new GreedyStringTiling(options);
    boolean marked = false;
    for (int i = first; i < own.length; i += step) {
      for (int j = i + 1; j < own.length; j++) {
        int at = index(i, j);
        if (needed.get(at)) {
          if (!marked && base.isPresent()) {
            for (int stream = 0; stream < own.length; stream++) {
              if (own[stream] > 0) {
                tiling.generateBaseCodeMarking(submissions.get(stream), base.get());
              }
            }
          }
          marked = true;
          matched[at] =
              tiling.compare(submissions.get(i), submissions.get(j)).getNumberOfMatchedTokens();
        }
      }
    }
  }

  private static Submission submission(String name, QuestionCode.Parsed code, Language java) {
    Submission submission =
        new Submission(name, code.files().get(0).getParentFile(), true, code.files(), java);
    submission.setTokenList(code.tokens());
    return submission;
  }

  /** Returns what a worker computed, rethrowing its failure as it was. */
  static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while comparing the class's code", interrupted);
    } catch (ExecutionException failed) {
      // Rethrown as it is, so that the caller's handling (a parser's stack overflow) still fits.
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failed.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(failed.getCause());
    }
  }
}
