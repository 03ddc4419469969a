package sample;

public class SpawnsProcesses {
  public void run() throws Exception {
    new ProcessBuilder("ls").start(); // refused: process-spawn
    Runtime.getRuntime().exec(new String[] {"ls"}); // refused: process-spawn
  }

  public void killParent() {
    ProcessHandle.current().parent().ifPresent(ProcessHandle::destroy); // refused: process-spawn
  }
}
