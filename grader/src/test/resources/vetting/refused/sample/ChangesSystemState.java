package sample;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.TimeZone;

public class ChangesSystemState {
  public void mute() {
    System.setOut(new PrintStream(OutputStream.nullOutputStream())); // refused: system-state
    System.setErr(System.out); // refused: system-state
  }

  public void configure() {
    System.setProperty("aws.region", "us-east-1"); // refused: system-state
    System.clearProperty("user.dir"); // refused: system-state
    Locale.setDefault(Locale.GERMANY); // refused: system-state
    TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // refused: system-state
    java.util.logging.LogManager.getLogManager().reset(); // refused: system-state
    java.util.prefs.Preferences.userRoot().put("k", "v"); // refused: system-state
  }

  public void logging() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(new java.util.logging.ConsoleHandler()); // refused: system-state
    root.setUseParentHandlers(false); // refused: system-state
  }
}
