package dev.awskit.grader.defendant;

/**
 * Connects a judge's endpoint and a defendant's in one JVM through two {@link MemoryPipe}s, each
 * reading on a thread of its own, with {@code root} exported by the defendant as the judge's
 * first object to call.
 */
final class EndpointPair<T> implements AutoCloseable {

  private final MemoryPipe toDefendant = new MemoryPipe();
  private final MemoryPipe toJudge = new MemoryPipe();
  private final Endpoint judge;
  private final Endpoint defendant;
  private final T root;

  private EndpointPair(T defendantsRoot, Class<T> type) {
    ClassLoader loader = EndpointPair.class.getClassLoader();
    judge = new Endpoint(toJudge.in(), toDefendant.out(), loader, true, (method, args) -> false);
    defendant =
        new Endpoint(
            toDefendant.in(), toJudge.out(), loader, false, LocalDefaults::runsInDefendant);
    defendant.handles().exportRoot(defendantsRoot, type);
    judge.serveInBackground("test-judge-reader");
    defendant.serveInBackground("test-defendant-reader");
    root = judge.handles().root(type);
  }

  /** Connects a pair whose defendant exports {@code defendantsRoot} as {@code type}. */
  static <T> EndpointPair<T> serving(T defendantsRoot, Class<T> type) {
    return new EndpointPair<>(defendantsRoot, type);
  }

  /** Returns the judge's proxy of the defendant's root object. */
  T root() {
    return root;
  }

  Endpoint judge() {
    return judge;
  }

  Endpoint defendant() {
    return defendant;
  }

  /** Ends both endpoints and closes the pipes, so that both reading threads end. */
  @Override
  public void close() {
    judge.close();
    defendant.close();
    toDefendant.close();
    toJudge.close();
  }
}
