package dev.awskit.grader.classview;

import de.jplag.TokenType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Compares a class's distinct texts question by question and lists the pairs of students that
 * reach the threshold.
 *
 * <p>For every pair of texts it first sums a cheap bound of what each question can match ({@link
 * SharedWindows}); only the pairs whose bound reaches the threshold are tiled, so the result is the
 * one tiling every pair would give, for less work where students wrote their own code.
 */
final class ClassComparison {

  private ClassComparison() {}

  /**
   * Holds one distinct text of the class.
   *
   * @param ids the students who handed it in
   * @param questions its code, by question
   */
  record Text(List<String> ids, SortedMap<Integer, QuestionCode> questions) {

    /** Copies the list. */
    Text {
      ids = List.copyOf(ids);
    }
  }

  /**
   * Compares the texts question by question and lists the pairs that reach the threshold. Only
   * the pairs whose bound ({@link SharedWindows}) reaches it are tiled.
   */
  static List<SimilarPair> pairs(
      List<Text> texts,
      SortedMap<Integer, QuestionCode> base,
      double threshold,
      ExecutorService pool,
      int workers) {
    SortedSet<Integer> questions = new TreeSet<>();
    texts.forEach(text -> questions.addAll(text.questions().keySet()));
    List<Compared> compared = new ArrayList<>();
    for (int question : questions) {
      compared.add(prepare(question, texts, base));
    }
    List<Future<List<int[]>>> searches = new ArrayList<>();
    for (int worker = 0; worker < workers; worker++) {
      int first = worker;
      searches.add(
          pool.submit(() -> candidates(compared, texts.size(), threshold, first, workers)));
    }
    List<int[]> candidates = new ArrayList<>();
    for (Future<List<int[]>> search : searches) {
      candidates.addAll(QuestionComparison.await(search));
    }
    for (int[] candidate : candidates) {
      for (Compared one : compared) {
        one.need(candidate[0], candidate[1]);
      }
    }
    compared.forEach(one -> one.comparison().compare(one.needed(), pool, workers));
    List<SimilarPair> pairs = new ArrayList<>();
    for (int[] candidate : candidates) {
      int t = candidate[0];
      int u = candidate[1];
      List<CombinedSimilarity.Part> parts = new ArrayList<>(compared.size());
      for (Compared one : compared) {
        parts.add(
            new CombinedSimilarity.Part(one.question(), one.matched(t, u), one.own(t), one.own(u)));
      }
      CombinedSimilarity combined = CombinedSimilarity.of(parts, threshold);
      if (combined.similarity() > 0 && combined.similarity() >= threshold) {
        pairs.addAll(pairsOf(texts.get(t).ids(), texts.get(u).ids(), t == u, combined));
      }
    }
    return pairs;
  }

  /**
   * Returns the pairs of texts {@code t <= u} of rows {@code first}, {@code first + step}, ..
   * whose bound reaches the threshold: only those can, so only those are tiled.
   */
  private static List<int[]> candidates(
      List<Compared> compared, int texts, double threshold, int first, int step) {
    List<int[]> candidates = new ArrayList<>();
    for (int t = first; t < texts; t += step) {
      for (int u = t; u < texts; u++) {
        long own = 0;
        for (Compared one : compared) {
          own += one.own(t) + one.own(u);
        }
        long bound = 0;
        for (Compared one : compared) {
          bound += one.bound(t, u);
          if (bound > 0 && 2.0 * bound >= threshold * own) {
            candidates.add(new int[] {t, u});
            break; // the rest of the bound cannot take it back
          }
        }
      }
    }
    return candidates;
  }

  /**
   * Holds one question's comparison, by text.
   *
   * @param question the question's number
   * @param streamOf each text's stream in the comparison; -1 where it has no code of its own
   * @param comparison the comparison of the distinct streams
   * @param needed the pairs of streams to tile, by {@link QuestionComparison#index}
   */
  private record Compared(
      int question, int[] streamOf, QuestionComparison comparison, BitSet needed) {

    int own(int text) {
      return streamOf[text] < 0 ? 0 : comparison.own(streamOf[text]);
    }

    int bound(int text, int other) {
      return own(text) == 0 || own(other) == 0
          ? 0
          : comparison.bound(streamOf[text], streamOf[other]);
    }

    void need(int text, int other) {
      int one = streamOf[text];
      int two = streamOf[other];
      if (one != two && own(text) > 0 && own(other) > 0) {
        needed.set(comparison.index(Math.min(one, two), Math.max(one, two)));
      }
    }

    int matched(int text, int other) {
      return own(text) == 0 || own(other) == 0
          ? 0
          : comparison.matched(streamOf[text], streamOf[other]);
    }
  }

  /**
   * Prepares one question's comparison: the texts whose token streams are alike share one stream,
   * and a stream alike to the base code's is no code of its own (an untouched stub).
   */
  private static Compared prepare(
      int question, List<Text> texts, SortedMap<Integer, QuestionCode> base) {
    Optional<QuestionCode.Parsed> given =
        Optional.ofNullable(base.get(question))
            .filter(QuestionCode.Parsed.class::isInstance)
            .map(QuestionCode.Parsed.class::cast);
    Optional<List<TokenType>> givenShape = given.map(QuestionCode.Parsed::shape);
    Map<List<TokenType>, Integer> streamOfShape = new HashMap<>();
    List<QuestionCode.Parsed> streams = new ArrayList<>();
    int[] streamOf = new int[texts.size()];
    for (int t = 0; t < texts.size(); t++) {
      streamOf[t] = -1;
      if (texts.get(t).questions().get(question) instanceof QuestionCode.Parsed code
          && !code.tokens().isEmpty()) {
        List<TokenType> shape = code.shape();
        if (givenShape.filter(shape::equals).isEmpty()) {
          streamOf[t] =
              streamOfShape.computeIfAbsent(
                  shape,
                  added -> {
                    streams.add(code);
                    return streams.size() - 1;
                  });
        }
      }
    }
    return new Compared(
        question, streamOf, QuestionComparison.prepare(streams, given), new BitSet());
  }

  /** Lists every student of one text with every student of the other (or of the same). */
  private static List<SimilarPair> pairsOf(
      List<String> ones, List<String> twos, boolean same, CombinedSimilarity combined) {
    List<SimilarPair> pairs = new ArrayList<>();
    for (int i = 0; i < ones.size(); i++) {
      for (int j = same ? i + 1 : 0; j < twos.size(); j++) {
        String one = ones.get(i);
        String two = twos.get(j);
        boolean inOrder = one.compareTo(two) <= 0;
        pairs.add(
            new SimilarPair(
                inOrder ? one : two,
                inOrder ? two : one,
                combined.similarity(),
                combined.maximum(),
                combined.questions()));
      }
    }
    return pairs;
  }
}
