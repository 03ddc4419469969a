package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mockito.internal.configuration.plugins.Plugins;
import org.mockito.internal.creation.bytebuddy.ByteBuddyMockMaker;
import org.mockito.internal.util.reflection.ReflectionMemberAccessor;

/**
 * Checks the Mockito plugins the grader's jar selects: with Mockito's defaults, a worker's first
 * mock installs an instrumentation agent, and Byte Buddy starts a second JVM to attach it, which
 * costs over a second of every worker's start and hands the worker an {@code Instrumentation}.
 */
class MockitoPluginsTest {

  @Test
  void mocksThroughGeneratedSubclasses() {
    // when
    var mockMaker = Plugins.getMockMaker();

    // then: the subclass mock maker, which Mockito names ByteBuddyMockMaker (not the inline one)
    assertThat(mockMaker).isExactlyInstanceOf(ByteBuddyMockMaker.class);
  }

  @Test
  void readsMembersByPlainReflectionSoThatNoAgentIsAttached() {
    // when
    var memberAccessor = Plugins.getMemberAccessor();

    // then
    assertThat(memberAccessor).isInstanceOf(ReflectionMemberAccessor.class);
  }
}
