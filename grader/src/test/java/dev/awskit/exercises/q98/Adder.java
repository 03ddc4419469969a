package dev.awskit.exercises.q98;

import dev.awskit.exercises.Exercise;

/** Adds two numbers: a fixture question for the grader's own tests. */
@Exercise(number = 98, title = "Add two numbers", implementation = "PlainAdder")
public interface Adder {

  /** Returns the sum of {@code left} and {@code right}. */
  int add(int left, int right);
}
