package dev.awskit.exercises.q99;

/** Stub of the fixture question 99. */
public class FriendlyGreeter implements Greeter {

  private final String salutation;

  /** Keeps the salutation. */
  public FriendlyGreeter(String salutation) {
    this.salutation = salutation;
  }

  @Override
  public String greet(String name) {
    throw new UnsupportedOperationException("Question 99 is not implemented yet");
  }
}
