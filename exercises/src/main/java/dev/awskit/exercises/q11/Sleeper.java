package dev.awskit.exercises.q11;

import java.time.Duration;

/**
 * Waits for a while between two attempts.
 *
 * <p>Retry code never sleeps on its own: it is handed a sleeper, so that tests can record the
 * delays instead of waiting for them, and production code can pass {@link #threadSleep()}.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code delay}.
   *
   * @param delay how long to wait; never {@code null} or negative
   * @throws InterruptedException if the waiting thread is interrupted
   */
  void sleep(Duration delay) throws InterruptedException;

  /** Returns a sleeper that blocks the calling thread with {@link Thread#sleep(long)}. */
  static Sleeper threadSleep() {
    return delay -> Thread.sleep(delay.toMillis());
  }
}
