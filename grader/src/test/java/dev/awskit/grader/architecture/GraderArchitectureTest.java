package dev.awskit.grader.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.doubles.ClientDouble;
import java.util.Set;

/**
 * Keeps the grader's own packages layered and the hidden tests in one dialect: one name suffix,
 * and AWS clients played only by the shared doubles.
 */
@AnalyzeClasses(packages = "dev.awskit.grader", importOptions = ImportOption.DoNotIncludeTests.class)
class GraderArchitectureTest {

  private static final String QUESTION_PACKAGES = "dev.awskit.grader.hidden.q*..";

  /** The Mockito methods that stub or create a mock; a question leaves them to the doubles. */
  private static final Set<String> STUBBING =
      Set.of("when", "mock", "spy", "doAnswer", "doThrow", "doReturn", "doCallRealMethod", "doNothing");

  /** Matches a class of a question's package, such as dev.awskit.grader.hidden.q07.UsersIndex. */
  private static final String QUESTION_CLASS = "dev\\.awskit\\.grader\\.hidden\\.q\\d\\d\\..*";

  @ArchTest
  static final ArchRule questionTestsEndInHiddenTest =
      classes()
          .that().areAnnotatedWith(QuestionTests.class)
          .should().haveSimpleNameEndingWith("HiddenTest")
          .because("all twelve questions read alike, and the name tells a hidden test at a glance");

  @ArchTest
  static final ArchRule onlyQuestionTestsEndInHiddenTest =
      classes()
          .that().resideInAPackage("dev.awskit.grader.hidden..")
          .and().haveSimpleNameEndingWith("HiddenTest")
          .should().beAnnotatedWith(QuestionTests.class)
          .because("a class named like a hidden test must count toward a question");

  @ArchTest
  static final ArchRule questionsLeaveMockingToTheDoubles =
      questionsLeaveMockingToTheDoubles();

  /** Returns the rule that question packages stub no client themselves; a test proves it bites. */
  static ArchRule questionsLeaveMockingToTheDoubles() {
    return noClasses()
        .that().resideInAPackage(QUESTION_PACKAGES)
        .should().callMethodWhere(stubbingWithMockito())
        .because("every question plays an AWS client through the one double of that client in"
            + " hidden.doubles, so every overload a student may use is graded alike");
  }

  @ArchTest
  static final ArchRule clientDoublesLiveTogether =
      classes()
          .that().areAssignableTo(ClientDouble.class)
          .should().resideInAPackage("dev.awskit.grader.hidden.doubles")
          .because("there is one double per AWS client, shared by every question");

  @ArchTest
  static final ArchRule questionsDoNotLeanOnEachOther =
      slices()
          .matching("dev.awskit.grader.hidden.(q*)..")
          .should().notDependOnEachOther()
          .because("a question's tests share code only through hidden and hidden.doubles");

  @ArchTest
  static final ArchRule sharedHiddenCodeKnowsNoQuestion =
      noClasses()
          .that().resideInAPackage("dev.awskit.grader.hidden..")
          .and().haveNameNotMatching(QUESTION_CLASS)
          .should().dependOnClassesThat().haveNameMatching(QUESTION_CLASS)
          .because("a confined worker gets the questions' classes from the hidden class loader,"
              + " which the shared code on its class path cannot see");

  @ArchTest
  static final ArchRule graderPackagesHaveNoCycles =
      slices()
          .matching("dev.awskit.grader.(*)..")
          .should().beFreeOfCycles()
          .because("each package of the grader can be read and changed without its dependants");

  @ArchTest
  static final ArchRule graderIsLayered =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Command line").definedBy("dev.awskit.grader.cli..")
          .layer("Batch").definedBy("dev.awskit.grader.batch..")
          .layer("Distribution").definedBy("dev.awskit.grader.distribution..")
          .layer("Reports").definedBy("dev.awskit.grader.report..")
          .layer("Scoring").definedBy("dev.awskit.grader.scoring..")
          .layer("Worker").definedBy("dev.awskit.grader.worker..")
          .layer("Defendant").definedBy("dev.awskit.grader.defendant..")
          .layer("Engine").definedBy("dev.awskit.grader.engine..")
          .layer("Intake").definedBy("dev.awskit.grader.intake..")
          .layer("Vetting").definedBy("dev.awskit.grader.vetting..")
          .layer("Sandbox").definedBy("dev.awskit.grader.sandbox..")
          .layer("Hidden tests").definedBy("dev.awskit.grader.hidden..")
          .whereLayer("Command line").mayNotBeAccessedByAnyLayer()
          .whereLayer("Batch").mayOnlyBeAccessedByLayers("Command line")
          .whereLayer("Distribution").mayOnlyBeAccessedByLayers("Command line")
          .whereLayer("Worker").mayOnlyBeAccessedByLayers("Command line")
          .whereLayer("Defendant").mayOnlyBeAccessedByLayers("Worker", "Command line")
          .whereLayer("Reports").mayOnlyBeAccessedByLayers("Command line", "Batch")
          .whereLayer("Scoring")
          .mayOnlyBeAccessedByLayers("Command line", "Batch", "Reports", "Distribution")
          .whereLayer("Engine")
          .mayOnlyBeAccessedByLayers(
              "Command line", "Batch", "Reports", "Scoring", "Worker", "Defendant", "Distribution")
          .whereLayer("Intake").mayOnlyBeAccessedByLayers("Engine")
          .whereLayer("Vetting").mayOnlyBeAccessedByLayers("Engine")
          .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Worker")
          .whereLayer("Hidden tests").mayOnlyBeAccessedByLayers("Engine", "Worker", "Defendant")
          .because("the command line drives batches, reports and the worker; the worker confines"
              + " the defendant, which runs a submission's code for the tests that the engine"
              + " runs in the grader's JVM; scoring reads what the engine found; distributions"
              + " describe the catalog, its scoring and the isolation they require; the engine"
              + " alone takes in, vets and runs a submission; and the hidden tests know nothing of"
              + " the grader that runs them");

  private static DescribedPredicate<JavaCall<?>> stubbingWithMockito() {
    return DescribedPredicate.describe(
        "a Mockito method that stubs or mocks (" + String.join(", ", STUBBING) + ")",
        call -> {
          JavaClass owner = call.getTargetOwner();
          return (owner.getName().equals("org.mockito.Mockito")
                  || owner.getName().equals("org.mockito.BDDMockito"))
              && STUBBING.contains(call.getName());
        });
  }
}
