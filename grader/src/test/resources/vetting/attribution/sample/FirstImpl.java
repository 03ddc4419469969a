package sample;

public class FirstImpl {
  public void run() {
    SharedHelper.giveUp();
  }
}
