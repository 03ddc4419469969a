package sample;

public class SpawnsProcesses {
  public void run() throws Exception {
    new ProcessBuilder("ls").start(); // refused: process-spawn
    Runtime.getRuntime().exec(new String[] {"ls"}); // refused: process-spawn
  }

  public void killParent() {
    ProcessHandle.current().parent().ifPresent(ProcessHandle::destroy); // refused: process-spawn
  }

  public void open(java.io.File file) throws Exception {
    java.awt.Desktop.getDesktop().open(file); // refused: process-spawn
  }
}
