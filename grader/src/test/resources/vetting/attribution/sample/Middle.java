package sample;

class Middle {
  void go() {
    SharedHelper.giveUp();
  }
}
