package dev.awskit.exercises.q99;

import dev.awskit.exercises.NotImplementedYet;

/** Stub of the fixture question 99. */
public class FriendlyGreeter implements Greeter {

  private final String salutation;

  /** Keeps the salutation. */
  public FriendlyGreeter(String salutation) {
    this.salutation = salutation;
  }

  @Override
  public String greet(String name) {
    throw new NotImplementedYet(99);
  }
}
