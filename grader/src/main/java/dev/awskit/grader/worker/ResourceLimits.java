package dev.awskit.grader.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds the resource limits util-linux's {@code prlimit} sets on a confined worker, a backstop
 * behind the grader's own time limits and the JVM's heap cap.
 *
 * @param processes the most processes and threads its uid may have, when it has a uid of its own
 *     (the limit counts every process of the uid, so it means nothing for a shared one)
 * @param fileBytes the largest file it may write
 * @param openFiles the most files it may hold open
 * @param cpuSeconds the processor time one worker JVM may use in its whole life
 */
record ResourceLimits(int processes, long fileBytes, int openFiles, int cpuSeconds) {

  /**
   * Returns the defaults: 512 processes and threads (a worker JVM runs about 40), files up to
   * 256 MiB, 4,096 open files, and an hour of processor time (a worker grades up to 100
   * submissions).
   */
  static ResourceLimits defaults() {
    return new ResourceLimits(512, 256L * 1024 * 1024, 4096, 3600);
  }

  /** Returns the {@code prlimit} command that applies the limits, up to its {@code --}. */
  List<String> prlimit(String prlimit, boolean ownUid) {
    List<String> command = new ArrayList<>();
    command.add(prlimit);
    if (ownUid) {
      command.add("--nproc=" + processes);
    }
    command.add("--fsize=" + fileBytes);
    command.add("--nofile=" + openFiles);
    command.add("--cpu=" + cpuSeconds);
    command.add("--core=0");
    command.add("--");
    return command;
  }
}
