package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that objects passed by handle between the judge and the defendant are called back on
 * their own side, on the thread of the conversation that called them, and come home as
 * themselves.
 */
@Timeout(5)
class EndpointHandlesTest {

  /** Calls what the judge hands it: the defendant's root in these tests. */
  interface Courier {
    String applyTwice(Function<String, String> function, String value);

    Object echo(Object value);

    boolean same(Object first, Object second);

    Supplier<String> supplier();

    boolean isMine(Object value);
  }

  /** Implements the courier in the defendant, noting what it received and on which thread. */
  private static final class DefendantCourier implements Courier {
    final List<Object> received = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final Supplier<String> own = () -> "made in the defendant";

    @Override
    public String applyTwice(Function<String, String> function, String value) {
      threads.add(Thread.currentThread());
      return function.apply(function.apply(value));
    }

    @Override
    public Object echo(Object value) {
      threads.add(Thread.currentThread());
      received.add(value);
      return value;
    }

    @Override
    public boolean same(Object first, Object second) {
      return first == second;
    }

    @Override
    public Supplier<String> supplier() {
      return own;
    }

    @Override
    public boolean isMine(Object value) {
      return value == own;
    }
  }

  private final DefendantCourier courier = new DefendantCourier();
  private EndpointPair<Courier> pair;

  @BeforeEach
  void connect() {
    pair = EndpointPair.serving(courier, Courier.class);
  }

  @AfterEach
  void disconnect() {
    pair.close();
  }

  @Test
  void aJudgesFunctionIsCalledBackOnTheJudgesThreadThatCalled() {
    // given
    Thread test = Thread.currentThread();
    List<Thread> calledOn = new CopyOnWriteArrayList<>();
    Function<String, String> exclaim =
        text -> {
          calledOn.add(Thread.currentThread());
          return text + "!";
        };

    // when
    String result = pair.root().applyTwice(exclaim, "hi");

    // then
    assertThat(result).as("the judge's function should have run twice on the text").isEqualTo("hi!!");
    assertThat(calledOn)
        .as("both calls back should run on the test's thread, which waits for the defendant")
        .containsExactly(test, test);
  }

  @Test
  void callsNestJudgeDefendantJudgeDefendantOnOneConversation() {
    // given a function of the judge that calls the defendant again
    Courier root = pair.root();
    Function<String, String> viaDefendant = text -> root.echo(text + "+") + "-";

    // when
    String result = root.applyTwice(viaDefendant, "x");

    // then
    assertThat(result).as("each level of the nested calls should add its part").isEqualTo("x+-+-");
    assertThat(courier.threads)
        .as("the defendant should serve the nested calls on the thread that serves the outer one")
        .hasSize(3)
        .containsOnly(courier.threads.get(0));
  }

  @Test
  void theSameObjectPassedTwiceArrivesAsTheSameProxy() {
    // given
    Function<String, String> function = String::trim;

    // when
    boolean sameInOneCall = pair.root().same(function, function);
    pair.root().echo(function);
    pair.root().echo(function);

    // then
    assertThat(sameInOneCall)
        .as("one object passed twice in one call should be one proxy in the defendant")
        .isTrue();
    assertThat(courier.received.get(0))
        .as("one object passed in two calls should be one proxy in the defendant")
        .isSameAs(courier.received.get(1))
        .isInstanceOf(Function.class);
  }

  @Test
  void aJudgesObjectThatComesBackIsTheOriginal() {
    // given
    Function<String, String> function = String::strip;

    // when
    Object back = pair.root().echo(function);

    // then
    assertThat(back)
        .as("the defendant's proxy of the judge's function should come back as the function itself")
        .isSameAs(function);
  }

  @Test
  void aDefendantsObjectIsAProxyOnTheJudgesSideThatGoesBackAsTheOriginal() {
    // given
    Supplier<String> proxy = pair.root().supplier();

    // when
    String supplied = proxy.get();
    boolean mine = pair.root().isMine(proxy);

    // then
    assertThat(supplied).as("the judge's proxy should call the defendant's supplier").isEqualTo("made in the defendant");
    assertThat(pair.root().supplier())
        .as("the defendant's supplier handed over twice should be one proxy on the judge's side")
        .isSameAs(proxy);
    assertThat(mine)
        .as("the judge's proxy should arrive in the defendant as the defendant's own supplier")
        .isTrue();
  }

  @Test
  void anObjectWithNoSharedInterfaceComesBackAsItself() {
    // given
    Object plain = new Object();

    // when
    Object back = pair.root().echo(plain);

    // then
    assertThat(courier.received.get(0))
        .as("the defendant should hold a stand-in for an object it cannot call")
        .isInstanceOf(StandIn.class);
    assertThat(back).as("the stand-in should come back as the judge's own object").isSameAs(plain);
  }

  @Test
  void theJudgeTakesWhatTheDefendantPrinted() {
    // given
    pair.defendant().onPrintedAsked(() -> List.of("printed text", 12L));

    // when
    Optional<Object> printed = pair.judge().printed(Duration.ofSeconds(2));

    // then
    assertThat(printed)
        .as("the defendant should answer the judge's question of what it printed")
        .contains(List.of("printed text", 12L));
  }
}
