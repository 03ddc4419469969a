package dev.awskit.exercises.q02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.Implementations;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CredentialChainDescriberTest {

  @Test
  @DisplayName("the chain lists at least five sources")
  void listsAtLeastFiveSources() {
    // given
    CredentialChain chain = Implementations.create(CredentialChain.class);

    // when
    List<CredentialSource> sources = chain.sourcesInOrder();

    // then
    assertThat(sources).as("the sources listed").hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  @DisplayName("each source is listed once")
  void listsEachSourceOnce() {
    // given
    CredentialChain chain = Implementations.create(CredentialChain.class);

    // when
    List<CredentialSource> sources = chain.sourcesInOrder();

    // then
    assertThat(sources).as("the sources listed").doesNotContainNull().doesNotHaveDuplicates();
  }
}
