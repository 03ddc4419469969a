package dev.awskit.solutions.q02;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q02.CredentialSource;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.utils.Lazy;

/**
 * Checks the reference answer of question 2 against the SDK on the class path, so that an SDK
 * upgrade that reorders the default chain breaks the build instead of the grading.
 */
class CredentialChainDescriberTest {

  private static final Map<Class<?>, CredentialSource> SOURCE_OF_PROVIDER =
      Map.of(
          SystemPropertyCredentialsProvider.class, CredentialSource.SYSTEM_PROPERTIES,
          EnvironmentVariableCredentialsProvider.class, CredentialSource.ENVIRONMENT_VARIABLES,
          WebIdentityTokenFileCredentialsProvider.class, CredentialSource.WEB_IDENTITY_TOKEN,
          ProfileCredentialsProvider.class, CredentialSource.PROFILE_FILES,
          ContainerCredentialsProvider.class, CredentialSource.CONTAINER_CREDENTIALS,
          InstanceProfileCredentialsProvider.class, CredentialSource.INSTANCE_PROFILE);

  @Test
  @DisplayName("the reference order is the order of the SDK's DefaultCredentialsProvider")
  void referenceOrderMatchesTheSdk() throws ReflectiveOperationException {
    // given
    List<CredentialSource> sdkOrder = sdkDefaultChain();

    // when
    List<CredentialSource> reference = new CredentialChainDescriber().sourcesInOrder();

    // then
    assertThat(reference).as("the reference answer of question 2").isEqualTo(sdkOrder);
  }

  /**
   * Reads the providers of a fresh DefaultCredentialsProvider without resolving credentials.
   *
   * <p>The SDK builds its chain lazily behind private fields; forcing the lazy value only
   * constructs the providers, so neither the files, the environment nor IMDS are consulted.
   */
  private static List<CredentialSource> sdkDefaultChain() throws ReflectiveOperationException {
    try (DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build()) {
      Object lazyProvider = read(provider, "providerChain");
      Lazy<?> lazyChain = (Lazy<?>) read(lazyProvider, "delegate");
      AwsCredentialsProviderChain chain = (AwsCredentialsProviderChain) lazyChain.getValue();
      List<?> providers = (List<?>) read(chain, "credentialsProviders");
      return providers.stream()
          .map(
              p -> {
                CredentialSource source = SOURCE_OF_PROVIDER.get(p.getClass());
                assertThat(source).as("a CredentialSource for the SDK's %s", p.getClass()).isNotNull();
                return source;
              })
          .toList();
    }
  }

  private static Object read(Object owner, String fieldName) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(fieldName);
    field.setAccessible(true);
    return field.get(owner);
  }
}
