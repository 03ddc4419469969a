package sample;

public class LoadsNativeCode {
  public void load() {
    System.loadLibrary("evil"); // refused: native-code
    Runtime.getRuntime().load("/tmp/evil.so"); // refused: native-code
  }

  public native int poke(); // refused: native-code (no line)
}
