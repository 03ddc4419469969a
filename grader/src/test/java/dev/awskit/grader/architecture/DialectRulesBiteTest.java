package dev.awskit.grader.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Shows that the dialect rule on hand-made client stubs reports one when a question has it. */
class DialectRulesBiteTest {

  @Test
  void aQuestionPackageThatStubsAClientByHandBreaksTheRule() {
    // given
    JavaClasses stubbing =
        new ClassFileImporter().importPackages("dev.awskit.grader.hidden.q97");

    // when
    EvaluationResult result =
        GraderArchitectureTest.questionsLeaveMockingToTheDoubles().evaluate(stubbing);

    // then
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("HandStubbedClient", "Mockito.when"));
  }
}
