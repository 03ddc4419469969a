package sample;

import java.lang.reflect.Array;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Uses the plain language features and JDK classes a solution may fairly use. */
public class CleanLanguage {

  public record Summary(String key, long size) {
    public Summary {
      Objects.requireNonNull(key, "key");
      if (size < 0) {
        throw new IllegalArgumentException("size " + size);
      }
    }
  }

  public enum Mode {
    SYNC {
      @Override
      String wire() {
        return "RequestResponse";
      }
    },
    ASYNC {
      @Override
      String wire() {
        return "Event";
      }
    };

    abstract String wire();
  }

  public sealed interface Outcome permits Done, Failed {}

  public record Done(int value) implements Outcome {}

  public record Failed(String reason) implements Outcome {}

  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    default void nap() throws InterruptedException {
      sleep(Duration.ofMillis(1));
    }
  }

  private final AtomicInteger counter = new AtomicInteger();
  private final Map<String, Integer> cache = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Object monitor = new Object();

  public <T> T retry(Supplier<T> call, int maxRetries, Duration base, Sleeper sleeper, Consumer<String> log) {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.get();
      } catch (AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        boolean throttled = switch (code) {
          case "Throttling", "ThrottlingException", "RequestLimitExceeded" -> true;
          default -> false;
        };
        if (!throttled || attempt >= maxRetries) {
          throw e;
        }
        Duration delay = base.multipliedBy((long) Math.pow(2, attempt));
        log.accept(String.format(Locale.ROOT, "retry %d after %d ms", attempt + 1, delay.toMillis()));
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public void waitABit() throws InterruptedException {
    Thread.sleep(1);
    System.out.println("waited on " + Thread.currentThread().getName());
    System.err.println(System.getenv("HOME") + System.getProperty("java.io.tmpdir") + System.lineSeparator());
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  public String describe(Mode mode, Outcome outcome) {
    String text = switch (mode) {
      case SYNC -> "sync";
      case ASYNC -> "async";
    };
    if (outcome instanceof Done done) {
      return text + done.value();
    }
    return text + ((Failed) outcome).reason() + mode.wire() + Mode.valueOf("SYNC") + EnumSet.allOf(Mode.class);
  }

  @SuppressWarnings("unchecked")
  public <T> T[] arrayOf(Class<T> type, int size) {
    return (T[]) Array.newInstance(type, size);
  }

  public List<String> streams(List<String> words) {
    Map<Integer, List<String>> byLength = words.stream().collect(Collectors.groupingBy(String::length));
    List<String> sorted = new ArrayList<>(words);
    sorted.sort(Comparator.comparing(String::length).thenComparing(Function.identity()));
    sorted.sort(new Comparator<String>() {
      @Override
      public int compare(String a, String b) {
        return a.compareTo(b);
      }
    });
    int total = words.parallelStream().mapToInt(String::length).sum();
    List<String> copies = Stream.of("a", "b").map(String::new).collect(Collectors.toCollection(ArrayList::new));
    IntStream.range(0, 3).forEach(i -> counter.incrementAndGet());
    cache.computeIfAbsent("k", k -> total);
    class Local {
      String show() {
        return byLength.toString() + copies + getClass().getSimpleName() + CleanLanguage.this.getClass().getName();
      }
    }
    lock.lock();
    try {
      synchronized (monitor) {
        sorted.add(new Local().show());
      }
    } finally {
      lock.unlock();
    }
    String text = """
        text block %s
        """.formatted(Arrays.toString(new int[] {1, 2}.clone()));
    sorted.add(text + Base64.getEncoder().encodeToString(text.getBytes()) + URI.create("https://example.com/a?b").getPath());
    sorted.add(String.valueOf(ThreadLocalRandom.current().nextInt(1) + "-" + new StringBuilder("x").reverse()));
    sorted.add(String.class.cast("cast") + String.class.isInstance(sorted) + Summary.class.getSimpleName());
    return sorted;
  }
}
