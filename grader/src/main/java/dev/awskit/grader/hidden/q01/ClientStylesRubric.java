package dev.awskit.grader.hidden.q01;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Holds the key ideas the hidden tests of question 1 look for, one entry per answer key.
 *
 * <p>This is the one place to change what counts as a good answer. An answer earns an idea when
 * it contains any one of the accepted phrases. Matching ignores case and punctuation (a hyphen
 * counts as a space, so {@code "low level"} also matches "Low-level") and a phrase matches at
 * the start of a word, so a stem such as {@code "simpl"} matches "simple", "simpler" and
 * "simplifies" while {@code "full"} does not match "useful". Keep the lists generous: the rubric
 * checks that an idea is there, not how it is spelt.
 */
final class ClientStylesRubric {

  /** Describes one key idea: the answer it applies to, what it means, and accepted phrases. */
  record KeyIdea(String key, String idea, List<String> acceptedPhrases) {

    KeyIdea {
      acceptedPhrases = List.copyOf(acceptedPhrases);
    }

    /** Returns whether {@code answer} contains any accepted phrase at the start of a word. */
    boolean isMetBy(String answer) {
      String text = " " + normalise(answer) + " ";
      return acceptedPhrases.stream()
          .map(phrase -> " " + normalise(phrase))
          .anyMatch(text::contains);
    }

    /** Returns a few accepted phrases, as a hint in a failure message. */
    String examples() {
      return String.join(", ", acceptedPhrases.subList(0, Math.min(5, acceptedPhrases.size())));
    }
  }

  /** Lists the key ideas, one per answer key. */
  static final List<KeyIdea> IDEAS =
      List.of(
          new KeyIdea(
              "client",
              "what a service client is: the low-level interface, one method per API"
                  + " operation, taking request objects and returning response objects",
              List.of(
                  "low level", "lowlevel", "lower level", "operation", "api call", "api method",
                  "api action", "one method per", "method per", "one to one", "1:1", "request",
                  "response", "direct", "raw", "mirror", "maps to the api", "maps directly",
                  "http", "wire", "service api", "underlying api")),
          new KeyIdea(
              "resource",
              "what the high-level libraries are: an object-oriented layer (DynamoDB Enhanced"
                  + " Client, S3 Transfer Manager) that maps Java objects or handles whole"
                  + " transfers",
              List.of(
                  "high level", "highlevel", "higher level", "enhanced", "transfer manager",
                  "transfermanager", "object oriented", "objectoriented", "object mapp",
                  "maps items", "maps objects", "maps java", "map items", "map objects",
                  "map java", "mapper", "mapping", "pojo", "bean", "java class", "java object",
                  "table schema", "tableschema", "abstraction", "abstracts", "wrapper", "wraps",
                  "built on top", "on top of", "layer")),
          new KeyIdea(
              "client_advantage",
              "an advantage of a client: it covers every operation and parameter of every"
                  + " service, with full control",
              List.of(
                  "every operation", "all operations", "any operation", "each operation",
                  "every api", "all api", "any api", "every service", "all services",
                  "any service", "every feature", "all features", "new feature", "newest",
                  "latest", "complete", "full", "coverage", "covers", "control", "flexib",
                  "fine grained", "finegrained", "every parameter", "all parameters",
                  "every option", "all options", "lightweight", "light weight",
                  "fewer dependencies", "no extra dependenc", "performan", "efficien", "faster",
                  "direct", "predictab", "explicit", "transparen", "low level", "lowlevel")),
          new KeyIdea(
              "resource_advantage",
              "an advantage of the high-level libraries: less code, type-safe objects, and"
                  + " conversions, multipart transfers or paging handled for you",
              List.of(
                  "less code", "fewer lines", "less boilerplate", "boilerplate", "shorter",
                  "concise", "simpl", "easier", "easy", "convenien", "type safe", "typesafe",
                  "type safety", "automatic", "handles", "handled", "takes care", "multipart",
                  "parallel", "concurren", "pagination", "paging", "mapping", "maps", "readab",
                  "productiv", "intuitive", "natural", "object", "abstraction", "abstracts",
                  "fewer mistakes", "fewer errors", "less error", "hides", "high level",
                  "highlevel")));

  private ClientStylesRubric() {}

  /** Returns the key idea of the answer under {@code key}, if the rubric has one. */
  static Optional<KeyIdea> forKey(String key) {
    return IDEAS.stream().filter(idea -> idea.key().equals(key)).findFirst();
  }

  /** Lower-cases the text, turns every run of other characters into one space, and trims. */
  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
  }
}
