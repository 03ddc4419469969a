package dev.awskit.grader.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that PIT's report is counted per question, survivors named. */
class MutationScoresTest {

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
}
