package dev.awskit.grader.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Prints the mutation score of each question from PIT's {@code mutations.xml}: the mutants of the
 * reference solution's package {@code qNN} that the hidden tests detected, out of all of them,
 * and every mutant that survived. With {@code --check LIST} it also fails when a mutant survives
 * that {@code LIST} does not name as equivalent. See docs/mutation.md.
 */
public final class MutationScores {

  private static final Pattern QUESTION = Pattern.compile("\\.(q\\d\\d)\\.");

  /**
   * Counts the mutants of one question.
   *
   * @param question the package, such as {@code q06}
   * @param detected the mutants some hidden test detected (killed, timed out, ran out of memory)
   * @param survivors the mutants none detected, one line each
   */
  public record QuestionScore(String question, int detected, List<String> survivors) {

    /** Returns the number of mutants. */
    public int total() {
      return detected + survivors.size();
    }

    /** Returns the share of mutants detected, in percent. */
    public double percent() {
      return total() == 0 ? 100 : 100.0 * detected / total();
    }
  }

  private MutationScores() {}

  /**
   * Tells how the survivors compare with the mutants known to be equivalent.
   *
   * @param unexplained the survivors the list does not name: a mistake the hidden tests miss
   * @param noLongerSurviving the listed mutants no survivor matches: detected now, or no longer made
   */
  public record Check(List<String> unexplained, List<String> noLongerSurviving) {

    /** Copies the lists. */
    public Check {
      unexplained = List.copyOf(unexplained);
      noLongerSurviving = List.copyOf(noLongerSurviving);
    }

    /**
     * Tells whether every survivor is listed. A listed mutant that no longer survives does not
     * fail the check: the tests did not get weaker, and a test run that ran past PIT's time limit
     * on a loaded machine counts as detected.
     */
    public boolean passed() {
      return unexplained.isEmpty();
    }
  }

  /**
   * Prints the scores of the report named by the first argument ({@code
   * grader/target/pit-reports/mutations.xml} by default) and, after {@code --check LIST}, exits
   * with 1 when a mutant survived that the list does not name.
   */
  public static void main(String[] args) throws IOException {
    List<String> arguments = List.of(args);
    int check = arguments.indexOf("--check");
    Path report =
        Path.of(check == 0 || arguments.isEmpty()
            ? "grader/target/pit-reports/mutations.xml" : arguments.get(0));
    List<QuestionScore> scores;
    try (InputStream in = Files.newInputStream(report)) {
      scores = read(in);
    }
    System.out.println("question  detected  mutants  score");
    for (QuestionScore score : scores) {
      System.out.printf(
          Locale.ROOT, "%-8s  %8d  %7d  %5.1f %%%n",
          score.question(), score.detected(), score.total(), score.percent());
    }
    for (QuestionScore score : scores) {
      score.survivors().forEach(line -> System.out.println("survived: " + line));
    }
    if (check >= 0) {
      if (check + 1 >= arguments.size()) {
        throw new IllegalArgumentException("--check needs the file that lists the known mutants");
      }
      Path list = Path.of(arguments.get(check + 1));
      Check result = check(scores, knownEquivalent(list));
      result.unexplained().forEach(
          mutant -> System.out.println("A mutant of the reference survived every hidden test and is"
              + " not known to be equivalent: " + mutant + ". Add a hidden test that detects it,"
              + " or, if the contract cannot tell it from the reference, list it in " + list
              + " and say why in docs/mutation.md."));
      result.noLongerSurviving().forEach(
          mutant -> System.out.println("Note: a mutant listed as equivalent in " + list
              + " did not survive this run: " + mutant + ". If the hidden tests now detect it, or"
              + " PIT no longer makes it, take it off the list and out of docs/mutation.md."));
      if (scores.isEmpty()) {
        System.out.println("The report " + report + " holds no mutant of the reference.");
      }
      if (!result.passed() || scores.isEmpty()) {
        System.exit(1);
      }
      System.out.println("Every mutant that survived is one " + list + " names as equivalent.");
    }
  }

  /** Compares the survivors of {@code scores} with the mutants {@code knownEquivalent} names. */
  public static Check check(List<QuestionScore> scores, List<String> knownEquivalent) {
    List<String> survivors =
        scores.stream().flatMap(score -> score.survivors().stream()).toList();
    return new Check(
        survivors.stream().filter(mutant -> !knownEquivalent.contains(mutant)).toList(),
        knownEquivalent.stream().filter(mutant -> !survivors.contains(mutant)).toList());
  }

  /** Reads a list of mutants, one a line; blank lines and lines starting with # are left out. */
  public static List<String> knownEquivalent(Path list) throws IOException {
    return Files.readAllLines(list).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** Reads a PIT XML report and returns the score of each question, in question order. */
  public static List<QuestionScore> read(InputStream xml) throws IOException {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      document = factory.newDocumentBuilder().parse(xml);
    } catch (ParserConfigurationException | SAXException unreadable) {
      throw new IOException("Not a PIT mutations.xml report: " + unreadable.getMessage(), unreadable);
    }
    Map<String, int[]> detected = new TreeMap<>();
    Map<String, List<String>> survivors = new TreeMap<>();
    NodeList mutations = document.getElementsByTagName("mutation");
    for (int i = 0; i < mutations.getLength(); i++) {
      Element mutation = (Element) mutations.item(i);
      String mutatedClass = text(mutation, "mutatedClass");
      Matcher question = QUESTION.matcher(mutatedClass);
      String key = question.find() ? question.group(1) : "other";
      detected.computeIfAbsent(key, unused -> new int[1]);
      List<String> survived = survivors.computeIfAbsent(key, unused -> new ArrayList<>());
      if (Boolean.parseBoolean(mutation.getAttribute("detected"))) {
        detected.get(key)[0]++;
      } else {
        survived.add(
            mutatedClass.substring(mutatedClass.lastIndexOf('.') + 1) + "." + text(mutation, "mutatedMethod")
                + ":" + text(mutation, "lineNumber") + " " + text(mutation, "description")
                + " (" + mutation.getAttribute("status") + ")");
      }
    }
    return detected.keySet().stream()
        .map(key -> new QuestionScore(key, detected.get(key)[0], List.copyOf(survivors.get(key))))
        .toList();
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }
}
