package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mockito.internal.configuration.plugins.Plugins;
import org.mockito.internal.creation.proxy.ProxyMockMaker;
import org.mockito.internal.util.reflection.ReflectionMemberAccessor;

/**
 * Checks the Mockito plugins the grader's jar selects: with Mockito's defaults, a worker's first
 * mock installs an instrumentation agent, and Byte Buddy starts a second JVM to attach it, which
 * costs over a second of every worker's start and hands the worker an {@code Instrumentation};
 * and a generated subclass of a large client interface costs a cold worker about a second more.
 */
class MockitoPluginsTest {

  @Test
  void mocksThroughJavaProxiesWithoutGeneratingClasses() {
    // when
    var mockMaker = Plugins.getMockMaker();

    // then
    assertThat(mockMaker).isExactlyInstanceOf(ProxyMockMaker.class);
  }

  @Test
  void readsMembersByPlainReflectionSoThatNoAgentIsAttached() {
    // when
    var memberAccessor = Plugins.getMemberAccessor();

    // then
    assertThat(memberAccessor).isInstanceOf(ReflectionMemberAccessor.class);
  }
}
