package dev.awskit.grader.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Fences the kit's modules and holds the reference solution to the house rules. */
@AnalyzeClasses(packages = "dev.awskit", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

  @ArchTest
  static final ArchRule exercisesDependOnNothingOfOurs =
      noClasses()
          .that().resideInAPackage("dev.awskit.exercises..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.awskit.solutions..", "dev.awskit.grader..")
          .because("students receive the exercises alone, without solutions or grader");

  @ArchTest
  static final ArchRule solutionsDependOnlyOnExercises =
      noClasses()
          .that().resideInAPackage("dev.awskit.solutions..")
          .should().dependOnClassesThat().resideInAPackage("dev.awskit.grader..")
          .because("the reference solution must be graded like any submission, knowing nothing of the grader");

  @ArchTest
  static final ArchRule nothingDependsOnTheGrader =
      noClasses()
          .that().resideOutsideOfPackage("dev.awskit.grader..")
          .should().dependOnClassesThat().resideInAPackage("dev.awskit.grader..")
          .because("the grader sits on top of the kit and can be left out of the student kit");

  @ArchTest
  static final ArchRule hiddenTestsNeverNameAnImplementation =
      noClasses()
          .that().resideInAPackage("dev.awskit.grader.hidden..")
          .should().dependOnClassesThat().resideInAPackage("dev.awskit.solutions..")
          .because("hidden tests receive the submission's implementation through its contract");

  @ArchTest
  static final ArchRule solutionsNeverExit =
      noClasses()
          .that().resideInAPackage("dev.awskit.solutions..")
          .should().callMethod(System.class, "exit", int.class)
          .orShould().callMethod(Runtime.class, "halt", int.class)
          .because("a library method must never end the program that called it");

  @ArchTest
  static final ArchRule solutionsNeverPrint =
      noClasses()
          .that().resideInAPackage("dev.awskit.solutions..")
          .should().accessField(System.class, "out")
          .orShould().accessField(System.class, "err")
          .because("log lines go through the writer a contract injects, never to the console");

  @ArchTest
  static final ArchRule noStaticClients =
      noFields()
          .that().areDeclaredInClassesThat().resideInAnyPackage("dev.awskit.exercises..", "dev.awskit.solutions..")
          .and().areStatic()
          .should().haveRawType(com.tngtech.archunit.base.DescribedPredicate.describe(
              "an AWS SDK client", type -> type.getPackageName().startsWith("software.amazon.awssdk.services.")
                  && (type.getSimpleName().endsWith("Client") || type.getSimpleName().endsWith("Presigner"))))
          .because("clients are passed in through the constructor, so tests can hand in mocks");
}
