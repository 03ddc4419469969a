package dev.awskit.grader.worker;

import dev.awskit.grader.defendant.DefendantMain;
import dev.awskit.grader.defendant.DefendantStarter;
import dev.awskit.grader.engine.Isolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts defendant JVMs ({@link DefendantMain}), which run only a submission's code, confined
 * exactly as a worker JVM is at the chosen isolation level: the same sandbox, JVM options,
 * confined file system, environment and class path without the reference solution (staged, and
 * with the workers' class-data archive, where the level stages it), a uid of its own at {@code
 * uid}, bubblewrap at {@code os}. Unlike a worker it never gets the hidden tests: they run in the
 * judge. The level is chosen as a {@link WorkerRunner}'s is, by starting a defendant in it.
 */
public final class ConfinedDefendants implements DefendantStarter, AutoCloseable {

  private final WorkerSettings settings;
  private final IsolationChoice choice;
  private List<String> classPath;
  private Confinement confinement;

  private ConfinedDefendants(WorkerSettings settings, IsolationChoice choice) {
    this.settings = settings;
    this.choice = choice;
  }

  /** Returns a starter of defendants at {@code choice}, with the workers' default limits. */
  public static ConfinedDefendants at(IsolationChoice choice) {
    return new ConfinedDefendants(WorkerSettings.defaults(), choice);
  }

  /**
   * Returns the isolation of the defendants, probing the machine on the first call: the level
   * that confines the submission's code, as a worker's would be reported.
   *
   * @throws IsolationUnavailableException when the chosen isolation cannot be had here
   */
  @Override
  public Isolation isolation() {
    Isolation confined = confinement().isolation();
    return new Isolation(
        confined.level(),
        confined.detail()
            + "; only the submission's code runs there, the hidden tests in the grader's JVM");
  }

  @Override
  public Started start(List<String> classRoots) {
    Confinement confining = confinement();
    Sandbox sandbox = Sandbox.create();
    // Deletes the sandbox when the confinement cannot prepare it.
    ConfinedWorker confined =
        WorkerCommand.confined(
            confining, settings, sandbox, DefendantMain.class.getName(), classPath(),
            // The JVM's own last words (running out of memory) on standard error, not on the
            // channel to the judge.
            List.of("-XX:+DisplayVMOutputToStderr"));
    try {
      List<String> roots =
          confining.copiesClasses() ? sandbox.receiveClasses(classRoots) : List.copyOf(classRoots);
      ProcessBuilder builder =
          new ProcessBuilder(confined.command()).directory(sandbox.work().toFile());
      builder.environment().clear();
      builder.environment().putAll(confined.environment());
      return new RunningDefendant(builder.start(), confined, sandbox, roots);
    } catch (IOException unstartable) {
      release(confined, sandbox);
      throw new UncheckedIOException(
          "Cannot start a defendant JVM: " + confined.command().get(0), unstartable);
    } catch (RuntimeException uncopied) {
      release(confined, sandbox);
      throw uncopied;
    }
  }

  /** Gives back what was taken for a defendant that never started. */
  private static void release(ConfinedWorker confined, Sandbox sandbox) {
    confined.slot().ifPresent(UidSlots.Slot::close);
    sandbox.delete();
  }

  /** Deletes what the confinement prepared (a staged class path outside the cache). */
  @Override
  public synchronized void close() {
    if (confinement != null) {
      confinement.close();
    }
  }

  private synchronized List<String> classPath() {
    if (classPath == null) {
      classPath = WorkerCommand.classPathEntries();
    }
    return classPath;
  }

  private synchronized Confinement confinement() {
    if (confinement == null) {
      confinement =
          Confinements.forThisMachine()
              .choose(
                  choice,
                  new WorkerProbe(settings, DefendantMain.class.getName(), classPath())::failure);
    }
    return confinement;
  }

  /**
   * Holds one running defendant; closing it ends its process and every process it started,
   * wherever they went, gives its uid back and deletes its sandbox, as a worker's end does.
   */
  private static final class RunningDefendant implements Started {

    private final Process process;
    private final ConfinedWorker confined;
    private final Sandbox sandbox;
    private final List<String> classRoots;

    RunningDefendant(
        Process process, ConfinedWorker confined, Sandbox sandbox, List<String> classRoots) {
      this.process = process;
      this.confined = confined;
      this.sandbox = sandbox;
      this.classRoots = List.copyOf(classRoots);
    }

    @Override
    public Process process() {
      return process;
    }

    @Override
    public List<String> classRoots() {
      return classRoots;
    }

    @Override
    public Optional<Path> sharedFolder() {
      return Optional.of(sandbox.tmp());
    }

    @Override
    public void close() {
      // Listed before the defendant ends: once it has, what it started is nobody's descendant.
      List<ProcessHandle> started = process.descendants().toList();
      try {
        confined.endAll(process.toHandle(), started);
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      } finally {
        sandbox.delete();
      }
    }
  }
}
