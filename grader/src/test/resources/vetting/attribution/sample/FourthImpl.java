package sample;

/** Reaches the helper only through another class. */
public class FourthImpl {
  public void run() {
    new Middle().go();
  }
}
