package dev.awskit.exercises;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Builds the class under test for the public tests, the way the grader does.
 *
 * <p>It reads the contract's {@link Exercise} annotation and calls the constructor it declares
 * on the class it names, in the contract's package. So a public test reads
 * {@code Implementations.create(ItemStore.class, dynamoDb, "Users")} and tests your
 * {@code DynamoDbManager}. The system property {@code awskit.implementations}, when set, names
 * another package to take the classes from.
 */
public final class Implementations {

  private static final String EXERCISES = "dev.awskit.exercises";

  private Implementations() {}

  /** Creates the implementation of {@code contract} with the given constructor arguments. */
  public static <T> T create(Class<T> contract, Object... constructorArguments) {
    Exercise exercise = contract.getAnnotation(Exercise.class);
    String packageName =
        contract
            .getPackageName()
            .replaceFirst(
                "^" + EXERCISES.replace(".", "\\."),
                System.getProperty("awskit.implementations", EXERCISES));
    try {
      Class<? extends T> type =
          Class.forName(packageName + "." + exercise.implementation()).asSubclass(contract);
      Constructor<? extends T> constructor = type.getConstructor(exercise.constructor());
      return constructor.newInstance(constructorArguments);
    } catch (InvocationTargetException thrown) {
      if (thrown.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(thrown.getCause());
    } catch (ReflectiveOperationException missing) {
      throw new IllegalStateException(
          "Cannot build " + exercise.implementation() + " through the constructor declared on "
              + contract.getSimpleName() + ": " + missing,
          missing);
    }
  }
}
