package dev.awskit.grader.engine;

import java.util.List;

/**
 * Describes one exercise: its contract, the class a submission must write, and its hidden tests.
 *
 * @param number the question number
 * @param title a short title, from the contract's {@code @Exercise} annotation
 * @param contract the contract interface, binary name
 * @param implementation the simple name of the class that implements the contract
 * @param constructorTypes the binary names of the contract constructor's parameter types
 * @param tests the hidden tests of the question, in a stable order
 */
public record Question(
    int number,
    String title,
    String contract,
    String implementation,
    List<String> constructorTypes,
    List<HiddenTest> tests) {

  /** Creates a question; the lists are copied. */
  public Question {
    constructorTypes = List.copyOf(constructorTypes);
    tests = List.copyOf(tests);
  }

  /** Returns the simple name of the contract interface. */
  public String contractSimpleName() {
    return contract.substring(contract.lastIndexOf('.') + 1);
  }

  /** Returns the package of the contract, where the implementation belongs too. */
  public String packageName() {
    return contract.substring(0, contract.lastIndexOf('.'));
  }

  /** Returns the binary name the implementation has in the student workspace. */
  public String implementationClassName() {
    return packageName() + "." + implementation;
  }
}
