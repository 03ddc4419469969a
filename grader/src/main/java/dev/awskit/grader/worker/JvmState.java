package dev.awskit.grader.worker;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.ResponseCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * Holds what a worker JVM shares among everything that runs in it and a submission could change
 * for the next one: the default locale and time zone, the system properties, the {@code System}
 * streams, the default handler of uncaught exceptions and the defaults of {@code java.net}.
 *
 * <p>The static vetting refuses the calls that change them; the worker compares this state after
 * every question anyway, and is not reused for another submission if anything differs.
 *
 * @param locale the default locale
 * @param timeZone the identifier of the default time zone
 * @param properties the system properties
 * @param shared the objects the JVM shares, compared by identity
 */
record JvmState(
    Locale locale, String timeZone, Map<String, String> properties, List<Shared> shared) {

  /** Captures the state of this JVM now. */
  static JvmState capture() {
    Map<String, String> properties = new TreeMap<>();
    System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
    return new JvmState(
        Locale.getDefault(),
        TimeZone.getDefault().getID(),
        properties,
        List.of(
            new Shared("System.out", System.out),
            new Shared("System.err", System.err),
            new Shared("System.in", System.in),
            new Shared(
                "the default handler of uncaught exceptions",
                Thread.getDefaultUncaughtExceptionHandler()),
            new Shared("the default proxy selector", ProxySelector.getDefault()),
            new Shared("the default authenticator", Authenticator.getDefault()),
            new Shared("the default cookie handler", CookieHandler.getDefault()),
            new Shared("the default response cache", ResponseCache.getDefault())));
  }

  /** Describes, in plain words, what differs in {@code now} from this state; empty if nothing. */
  List<String> changesIn(JvmState now) {
    List<String> changes = new ArrayList<>();
    if (!locale.equals(now.locale)) {
      changes.add("the default locale changed from " + locale + " to " + now.locale);
    }
    if (!timeZone.equals(now.timeZone)) {
      changes.add("the default time zone changed from " + timeZone + " to " + now.timeZone);
    }
    TreeMap<String, String> keys = new TreeMap<>(properties);
    keys.putAll(now.properties);
    for (String key : keys.keySet()) {
      if (!Objects.equals(properties.get(key), now.properties.get(key))) {
        changes.add("the system property " + key + " changed");
      }
    }
    for (int index = 0; index < shared.size(); index++) {
      if (shared.get(index).value() != now.shared.get(index).value()) {
        changes.add(shared.get(index).name() + " was replaced");
      }
    }
    return changes;
  }

  /**
   * Holds one object the JVM shares.
   *
   * @param name what it is, in words
   * @param value the object, or null when there is none
   */
  record Shared(String name, Object value) {}
}
