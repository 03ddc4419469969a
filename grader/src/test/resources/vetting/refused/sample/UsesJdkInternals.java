package sample;

import java.lang.management.ManagementFactory;

public class UsesJdkInternals {
  public long pid() {
    return ManagementFactory.getRuntimeMXBean().getPid(); // refused: jdk-internals
  }
}
