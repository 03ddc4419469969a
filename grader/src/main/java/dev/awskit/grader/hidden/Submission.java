package dev.awskit.grader.hidden;

/**
 * Builds a submission's implementation of an exercise contract, for one hidden test.
 *
 * <p>Hidden tests never name a student's class: they ask for the implementation of a contract
 * interface and pass the arguments of the constructor that the contract's
 * {@link dev.awskit.exercises.Exercise} annotation declares, usually mocks of AWS clients.
 */
public interface Submission {

  /**
   * Creates a new instance of the submission's class that implements {@code contract}.
   *
   * @param contract an exercise interface annotated with {@link dev.awskit.exercises.Exercise}
   * @param constructorArguments the arguments of the contract's constructor, in its order
   * @return a new instance built through the contract's constructor
   * @throws ImplementationProblem if the submission has no such class, has several, lacks the
   *     constructor, or the constructor throws; the message says so in plain words
   */
  <T> T create(Class<T> contract, Object... constructorArguments);
}
