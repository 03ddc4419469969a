package dev.awskit.exercises.q98;

import dev.awskit.exercises.NotImplementedYet;

/** Stub of the fixture question 98. */
public class PlainAdder implements Adder {

  @Override
  public int add(int left, int right) {
    throw new NotImplementedYet(98);
  }
}
