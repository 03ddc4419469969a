package dev.awskit.grader.hidden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.Exercise;
import dev.awskit.exercises.q06.DynamoDbManager;
import dev.awskit.exercises.q06.ItemStore;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Proves that a submission's class loader takes the implementations from the submission but
 * never an exercise contract type, even when its roots hold the contracts too (the stubs live in
 * the exercises jar next to the interfaces).
 */
class SubmissionClassLoaderTest {

  @Test
  void contractsComeFromTheGraderAndImplementationsFromTheSubmission() throws Exception {
    URL exercises = ItemStore.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader grader = getClass().getClassLoader();

    try (SubmissionClassLoader loader = new SubmissionClassLoader(new URL[] {exercises}, grader)) {
      assertThat(loader.loadClass(ItemStore.class.getName())).isSameAs(ItemStore.class);
      assertThat(loader.loadClass(Exercise.class.getName())).isSameAs(Exercise.class);
      Class<?> stub = loader.loadClass(DynamoDbManager.class.getName());
      assertThat(stub.getClassLoader()).isSameAs(loader);
      assertThat(ItemStore.class.isAssignableFrom(stub)).isTrue();
      assertThat(loader.loadClass(String.class.getName())).isSameAs(String.class);
    }
  }

  @Test
  void stubsOfTheExercisesJarAreTheSubmissionsClasses() throws Exception {
    Path exercises = Path.of(ItemStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    try (SubmissionClasses classes = SubmissionClasses.open(java.util.List.of(exercises))) {
      assertThat(classes.create(ItemStore.class, null, "Users")).isInstanceOf(ItemStore.class);
    }
  }
}
