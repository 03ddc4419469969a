package dev.awskit.grader.defendant;

/**
 * Stands for an object of the other side that is neither copied nor shared by an interface, such
 * as a plain {@code Object} a test puts in a payload: nothing can be called on it, and it comes
 * back as the original.
 */
final class StandIn {

  private final String typeName;

  StandIn(String typeName) {
    this.typeName = typeName;
  }

  @Override
  public String toString() {
    return "a " + typeName + " of the other JVM";
  }
}
