package dev.awskit.grader.hidden.q02;

import static dev.awskit.exercises.q02.CredentialSource.CONTAINER_CREDENTIALS;
import static dev.awskit.exercises.q02.CredentialSource.ENVIRONMENT_VARIABLES;
import static dev.awskit.exercises.q02.CredentialSource.INSTANCE_PROFILE;
import static dev.awskit.exercises.q02.CredentialSource.PROFILE_FILES;
import static dev.awskit.exercises.q02.CredentialSource.SYSTEM_PROPERTIES;
import static dev.awskit.exercises.q02.CredentialSource.WEB_IDENTITY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.awskit.exercises.q02.CredentialChain;
import dev.awskit.exercises.q02.CredentialSource;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuestionTests(2)
class CredentialChainHiddenTest {

  /**
   * The order of DefaultCredentialsProvider in SDK 2.57.8; the solutions module's
   * CredentialChainDescriberTest checks the reference answer against the SDK itself.
   */
  private static final List<CredentialSource> SDK_ORDER =
      List.of(
          SYSTEM_PROPERTIES,
          ENVIRONMENT_VARIABLES,
          WEB_IDENTITY_TOKEN,
          PROFILE_FILES,
          CONTAINER_CREDENTIALS,
          INSTANCE_PROFILE);

  private static final int AT_LEAST = 5;

  @Test
  @Points(2)
  @Checks({"2.2"})
  @DisplayName("the chain lists at least five different sources")
  void listsAtLeastFiveDifferentSources(Submission submission) {
    // when
    List<CredentialSource> sources = sourcesOf(submission);

    // then
    assertThat(distinct(sources))
        .withFailMessage(
            "sourcesInOrder() should list at least %d different sources, but it listed %d: %s",
            AT_LEAST, distinct(sources).size(), sources)
        .hasSizeGreaterThanOrEqualTo(AT_LEAST);
  }

  @Test
  @Points(1)
  @Checks({"2.3"})
  @DisplayName("each source is listed only once, and no entry is null")
  void listsEachSourceOnce(Submission submission) {
    // when
    List<CredentialSource> sources = sourcesOf(submission);

    // then
    assertThat(sources)
        .withFailMessage("The list holds a null entry: %s", sources)
        .doesNotContainNull();
    assertThat(sources)
        .withFailMessage(
            "The SDK checks each source only once, but your list repeats a source: %s", sources)
        .doesNotHaveDuplicates();
  }

  @Test
  @Points(3)
  @Checks({"2.1", "2.4"})
  @DisplayName("the sources appear in the order the SDK's DefaultCredentialsProvider checks them")
  void followsTheSdkOrder(Submission submission) {
    // when
    List<CredentialSource> sources = orderable(sourcesOf(submission));

    // then
    for (int i = 1; i < sources.size(); i++) {
      CredentialSource earlier = sources.get(i - 1);
      CredentialSource later = sources.get(i);
      if (SDK_ORDER.indexOf(earlier) > SDK_ORDER.indexOf(later)) {
        fail(
            "Your list puts %s before %s, but the SDK's default chain checks %s first. Your list: %s",
            earlier, later, later, sources);
      }
    }
  }

  @Test
  @Points(1)
  @Checks({"2.4"})
  @DisplayName("Java system properties are checked before environment variables")
  void systemPropertiesBeforeEnvironmentVariables(Submission submission) {
    // when / then
    assertChecksFirst(sourcesOf(submission), SYSTEM_PROPERTIES, ENVIRONMENT_VARIABLES);
  }

  @Test
  @Points(1)
  @Checks({"2.4"})
  @DisplayName("the web identity token file is checked before the shared profile files")
  void webIdentityBeforeProfileFiles(Submission submission) {
    // when / then
    assertChecksFirst(sourcesOf(submission), WEB_IDENTITY_TOKEN, PROFILE_FILES);
  }

  @Test
  @Points(1)
  @Checks({"2.4"})
  @DisplayName("container credentials are checked before the EC2 instance profile (IMDS)")
  void containerBeforeInstanceProfile(Submission submission) {
    // when / then
    assertChecksFirst(sourcesOf(submission), CONTAINER_CREDENTIALS, INSTANCE_PROFILE);
  }

  @Test
  @Points(1)
  @Checks({"2.5"})
  @DisplayName("the answer is the same on every call and from every instance")
  void answersTheSameOnEveryCall(Submission submission) {
    // given
    CredentialChain chain = submission.create(CredentialChain.class);

    // when
    List<CredentialSource> first = snapshot(chain.sourcesInOrder());
    List<CredentialSource> second = snapshot(chain.sourcesInOrder());
    List<CredentialSource> fresh = snapshot(sourcesOf(submission));

    // then
    assertThat(List.of(second, fresh))
        .withFailMessage(
            "sourcesInOrder() should give the same answer on every call, but the first call gave"
                + " %s, the second call on the same object %s and a call on a new object %s.",
            first, second, fresh)
        .containsOnly(first);
  }

  /** Copies an answer as it is now, null entries included, so a later call cannot change it. */
  private static List<CredentialSource> snapshot(List<CredentialSource> sources) {
    return sources == null ? null : new ArrayList<>(sources);
  }

  private static List<CredentialSource> sourcesOf(Submission submission) {
    List<CredentialSource> sources = submission.create(CredentialChain.class).sourcesInOrder();
    assertThat(sources).withFailMessage("sourcesInOrder() returned null instead of a list.").isNotNull();
    return sources;
  }

  private static Set<CredentialSource> distinct(List<CredentialSource> sources) {
    Set<CredentialSource> distinct = new HashSet<>(sources);
    distinct.remove(null);
    return distinct;
  }

  /** Returns the non-null entries, failing when too few are listed for an order to mean much. */
  private static List<CredentialSource> orderable(List<CredentialSource> sources) {
    assertThat(distinct(sources))
        .withFailMessage(
            "List at least two different sources so that their order can be judged; your list: %s",
            sources)
        .hasSizeGreaterThanOrEqualTo(2);
    return sources.stream().filter(Objects::nonNull).toList();
  }

  /**
   * Asserts that {@code first} comes before {@code second}. The contract lets a list of five
   * leave one source out, so a pair with one side missing passes when the list is long enough.
   */
  private static void assertChecksFirst(
      List<CredentialSource> answer, CredentialSource first, CredentialSource second) {
    List<CredentialSource> sources = orderable(answer);
    int firstAt = sources.indexOf(first);
    int secondAt = sources.indexOf(second);
    if (firstAt < 0 || secondAt < 0) {
      assertThat(distinct(sources))
          .withFailMessage(
              "Your list leaves out %s, which the contract allows only when at least %d different"
                  + " sources are listed; your list: %s",
              firstAt < 0 ? first : second, AT_LEAST, answer)
          .hasSizeGreaterThanOrEqualTo(AT_LEAST);
      return;
    }
    assertThat(firstAt)
        .withFailMessage(
            "The SDK's default chain checks %s before %s, but your list has them the other way"
                + " round: %s",
            first, second, answer)
        .isLessThan(secondAt);
  }
}
