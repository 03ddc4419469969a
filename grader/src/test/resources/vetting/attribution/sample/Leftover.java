package sample;

/** A main class a student kept for trying things out; no implementation uses it. */
public class Leftover {
  public static void main(String[] args) {
    System.exit(0);
  }
}
