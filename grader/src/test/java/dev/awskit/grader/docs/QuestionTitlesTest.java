package dev.awskit.grader.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.Question;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.QuestionRule;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the handout's question titles those of the contracts' {@code @Exercise} annotations, the
 * one place a title is written; the grader and its reports read them from there.
 */
class QuestionTitlesTest {

  private static final Path HANDOUT = Path.of("..", "docs", "handout.md");
  private static final Pattern HEADING =
      Pattern.compile("(?m)^## Question (\\d+): (.+) \\((\\w+), (\\d+) points\\)$");
  private static final Pattern CONTENTS =
      Pattern.compile("(?m)^(\\d+)\\. \\[(.+)]\\(#([^)]+)\\) · (\\w+), (\\d+) points$");

  @Test
  void everyHeadingOfTheHandoutHasTheContractsTitleTierAndPoints() throws IOException {
    // given
    String handout = Files.readString(HANDOUT);
    GradingScheme defaults = GradingScheme.defaults(Graded.catalog());

    // when
    List<String> headings = new ArrayList<>();
    Matcher heading = HEADING.matcher(handout);
    while (heading.find()) {
      headings.add(heading.group());
    }

    // then
    List<String> expected = new ArrayList<>();
    for (Question question : Graded.catalog().questions()) {
      QuestionRule rule = defaults.question(question.number()).orElseThrow();
      expected.add(
          "## Question %d: %s (%s, %s points)"
              .formatted(
                  question.number(), question.title(), rule.tier(), (int) rule.maxPoints()));
    }
    assertThat(headings).containsExactlyElementsOf(expected);
  }

  @Test
  void theHandoutsContentsLinkEveryHeadingUnderItsTitle() throws IOException {
    // given
    String handout = Files.readString(HANDOUT);
    List<String> anchors = new ArrayList<>();
    Matcher heading = HEADING.matcher(handout);
    while (heading.find()) {
      anchors.add(anchor(heading.group().substring(3)));
    }

    // when
    List<String> entries = new ArrayList<>();
    List<String> links = new ArrayList<>();
    Matcher entry = CONTENTS.matcher(handout);
    while (entry.find()) {
      entries.add(entry.group(1) + ". " + entry.group(2));
      links.add(entry.group(3));
    }

    // then
    assertThat(entries)
        .containsExactlyElementsOf(
            Graded.catalog().questions().stream()
                .map(question -> question.number() + ". " + question.title())
                .toList());
    assertThat(links).containsExactlyElementsOf(anchors);
  }

  /** Returns the anchor GitHub gives a heading: lower case, punctuation dropped, '-' for ' '. */
  private static String anchor(String heading) {
    return heading
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\- ]", "")
        .replace(' ', '-');
  }
}
