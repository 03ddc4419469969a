package dev.awskit.exercises.q98;

/** Stub of the fixture question 98. */
public class PlainAdder implements Adder {

  @Override
  public int add(int left, int right) {
    throw new UnsupportedOperationException("Question 98 is not implemented yet");
  }
}
