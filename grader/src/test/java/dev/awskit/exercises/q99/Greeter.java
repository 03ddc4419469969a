package dev.awskit.exercises.q99;

import dev.awskit.exercises.Exercise;

/** Greets someone: a fixture question for the grader's own tests. */
@Exercise(
    number = 99,
    title = "Greet someone",
    implementation = "FriendlyGreeter",
    constructor = {String.class})
public interface Greeter {

  /**
   * Returns {@code salutation + ", " + name + "!"}.
   *
   * @throws GreetingException if the name is blank
   */
  String greet(String name);
}
