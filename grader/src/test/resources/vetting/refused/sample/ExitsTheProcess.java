package sample;

import java.util.function.IntConsumer;

public class ExitsTheProcess {
  public void quit(int code) {
    System.exit(code); // refused: process-exit
  }

  public void halt() {
    Runtime.getRuntime().halt(2); // refused: process-exit
  }

  public IntConsumer exitLater() {
    return System::exit; // refused: process-exit
  }

  public Runnable exitInLambda() {
    return () -> System.exit(4); // refused: process-exit
  }

  public void hook() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {})); // refused: process-exit, threads
  }

  static {
    if (Boolean.getBoolean("never.set")) {
      Runtime.getRuntime().exit(3); // refused: process-exit
    }
  }
}
