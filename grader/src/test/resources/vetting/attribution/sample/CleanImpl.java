package sample;

public class CleanImpl {
  public int run() {
    return 42;
  }
}
