package sample;

/** Its nested class breaks a rule; the question of ThirdImpl pays for it. */
public class ThirdImpl {
  public void run() {
    new Inner().start();
  }

  static class Inner {
    void start() {
      new Thread(() -> {}).start();
    }
  }
}
