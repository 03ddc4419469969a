package dev.awskit.grader.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Says how to start one confined worker and how to make sure nothing it started outlives it.
 *
 * @param command the whole command line, the confining tools first
 * @param environment the environment of the first process of that command
 * @param helpers how many descendants of the started process belong to the worker itself: none
 *     when the started process is the JVM, two under bubblewrap (its process inside the namespace
 *     and the JVM); any other is the submission's
 * @param slot the uid the worker runs as, when it has one of its own
 * @param users ends every process of the slot's uid
 * @param preamble the lines the worker reads after its nonce, before any job: the hidden tests'
 *     classes, for a worker whose class path does not hold them
 */
record ConfinedWorker(
    List<String> command,
    Map<String, String> environment,
    int helpers,
    Optional<UidSlots.Slot> slot,
    Optional<UserProcesses> users,
    List<String> preamble) {

  /** Bounds the wait for the processes {@link #endAll} kills to end. */
  private static final Duration END_WAIT = Duration.ofSeconds(5);

  /** Copies the command, the environment and the preamble. */
  ConfinedWorker {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    preamble = List.copyOf(preamble);
  }

  /** Returns a worker started as it is, with nothing around it. */
  static ConfinedWorker plain(List<String> command, Map<String, String> environment) {
    return new ConfinedWorker(
        command, environment, 0, Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * Counts the processes besides the worker's own (its JVM and the confining tool's helpers) that
   * run now: processes the submission started, wherever they were reparented to when it owns a
   * uid, its descendants otherwise.
   */
  int others(ProcessHandle worker) {
    long own = worker.isAlive() ? 1 + helpers : 0;
    if (slot.isPresent()) {
      return (int) Math.max(0, UserProcesses.of(slot.get().uid()).size() - own);
    }
    return (int) Math.max(0, worker.descendants().filter(ProcessHandle::isAlive).count() - helpers);
  }

  /**
   * Ends every process the worker started and gives its uid back; returns how many processes
   * besides the worker's own were still alive when it began.
   *
   * @param started the worker's descendants, listed while it still ran: once it has ended, what it
   *     started is nobody's descendant, and without a uid of its own nothing else finds it
   */
  int endAll(ProcessHandle worker, List<ProcessHandle> started) throws InterruptedException {
    int others = others(worker);
    if (!worker.isAlive()) {
      int stillRunning = (int) started.stream().filter(ProcessHandle::isAlive).count();
      others = Math.max(others, stillRunning - helpers);
    }
    List<ProcessHandle> ended = new ArrayList<>(worker.descendants().toList());
    ended.addAll(started);
    ended.add(worker);
    ended.forEach(ProcessHandle::destroyForcibly);
    // A killed process may run on for a moment on a loaded machine: wait, so that nothing of the
    // submission runs once the grade returns.
    long deadline = System.nanoTime() + END_WAIT.toNanos();
    for (ProcessHandle process : ended) {
      try {
        process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException stillEnding) {
        // The uid's processes are ended below whatever this one does.
      }
    }
    if (slot.isPresent() && users.isPresent()) {
      users.get().endAll(slot.get().uid());
      if (UserProcesses.of(slot.get().uid()).isEmpty()) {
        // A uid with a process left keeps its lock until the grader ends, so no worker shares it.
        slot.get().close();
      }
    }
    return others;
  }
}
