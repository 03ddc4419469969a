package sample;

public class SecondImpl {
  public Runnable later() {
    return SharedHelper::giveUp;
  }
}
