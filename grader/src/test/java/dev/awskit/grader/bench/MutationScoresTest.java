package dev.awskit.grader.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that PIT's report is counted per question, survivors named, and that the check fails
 * only when a mutant survives that is not known to be equivalent.
 */
class MutationScoresTest {

  private static final Path KNOWN_EQUIVALENT =
      Path.of("src", "test", "resources", "mutation", "equivalent-mutants.txt");

  private static final MutationScores.QuestionScore Q08 =
      new MutationScores.QuestionScore(
          "q08", 26, List.of("LambdaInvoker.describe:106 negated conditional (SURVIVED)"));

  @Test
  void countsDetectedMutantsPerQuestionAndNamesTheSurvivors() throws IOException {
    // given
    String report =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <mutations>
        <mutation detected='true' status='KILLED'><mutatedClass>dev.awskit.solutions.q06.DynamoDbManager</mutatedClass><mutatedMethod>put</mutatedMethod><lineNumber>30</lineNumber><description>removed call</description></mutation>
        <mutation detected='false' status='SURVIVED'><mutatedClass>dev.awskit.solutions.q06.DynamoDbManager</mutatedClass><mutatedMethod>scanAll</mutatedMethod><lineNumber>51</lineNumber><description>negated conditional</description></mutation>
        <mutation detected='true' status='TIMED_OUT'><mutatedClass>dev.awskit.solutions.q11.AwsRetry</mutatedClass><mutatedMethod>call</mutatedMethod><lineNumber>40</lineNumber><description>changed increment</description></mutation>
        </mutations>
        """;

    // when
    List<MutationScores.QuestionScore> scores =
        MutationScores.read(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)));

    // then
    assertThat(scores)
        .extracting(MutationScores.QuestionScore::question, MutationScores.QuestionScore::detected,
            MutationScores.QuestionScore::total)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("q06", 1, 2),
            org.assertj.core.groups.Tuple.tuple("q11", 1, 1));
    assertThat(scores.get(0).percent()).isEqualTo(50.0);
    assertThat(scores.get(0).survivors())
        .containsExactly("DynamoDbManager.scanAll:51 negated conditional (SURVIVED)");
  }

  @Test
  void passesWhenTheSurvivorsAreExactlyTheKnownEquivalentMutants() {
    // when
    MutationScores.Check check =
        MutationScores.check(
            List.of(Q08, new MutationScores.QuestionScore("q09", 33, List.of())),
            List.of("LambdaInvoker.describe:106 negated conditional (SURVIVED)"));

    // then
    assertThat(check.passed()).isTrue();
  }

  @Test
  void namesASurvivorThatIsNotKnownToBeEquivalent() {
    // given
    MutationScores.QuestionScore q12 =
        new MutationScores.QuestionScore(
            "q12", 23, List.of("UploadEventHandler.handle:40 changed conditional boundary (SURVIVED)"));

    // when
    MutationScores.Check check =
        MutationScores.check(
            List.of(Q08, q12), List.of("LambdaInvoker.describe:106 negated conditional (SURVIVED)"));

    // then
    assertThat(check.passed()).isFalse();
    assertThat(check.unexplained())
        .containsExactly("UploadEventHandler.handle:40 changed conditional boundary (SURVIVED)");
    assertThat(check.noLongerSurviving()).isEmpty();
  }

  @Test
  void namesAKnownMutantThatNoLongerSurvivesWithoutFailing() {
    // when
    MutationScores.Check check =
        MutationScores.check(
            List.of(new MutationScores.QuestionScore("q08", 27, List.of())),
            List.of("LambdaInvoker.describe:106 negated conditional (SURVIVED)"));

    // then: the tests did not get weaker
    assertThat(check.passed()).isTrue();
    assertThat(check.unexplained()).isEmpty();
    assertThat(check.noLongerSurviving())
        .containsExactly("LambdaInvoker.describe:106 negated conditional (SURVIVED)");
  }

  @Test
  void readsTheListWithoutCommentsOrBlankLines(@TempDir Path folder) throws IOException {
    // given
    Path list = folder.resolve("known.txt");
    Files.writeString(list, "# why\n\n  A.b:1 removed call (SURVIVED)  \n# more\n");

    // when
    List<String> known = MutationScores.knownEquivalent(list);

    // then
    assertThat(known).containsExactly("A.b:1 removed call (SURVIVED)");
  }

  @Test
  void everyKnownEquivalentMutantIsExplainedInTheDocs() throws IOException {
    // given
    String docs = Files.readString(Path.of("..", "docs", "mutation.md"));
    Pattern mutant = Pattern.compile("(\\w+\\.\\w+):(\\d+) .*");

    // when
    List<String> known = MutationScores.knownEquivalent(KNOWN_EQUIVALENT);

    // then
    assertThat(known).isNotEmpty();
    for (String line : known) {
      Matcher parts = mutant.matcher(line);
      assertThat(parts.matches()).as("the form of %s", line).isTrue();
      assertThat(docs)
          .as("docs/mutation.md on %s", line)
          .contains("`" + parts.group(1) + "`, line " + parts.group(2) + ":");
    }
  }
}
