// Faulty: answers with bare keywords instead of the sentences the contract asks for.
package dev.awskit.solutions.q01;

import dev.awskit.exercises.q01.ClientStyles;
import java.util.Map;

public class ClientStylesExplainer implements ClientStyles {

  public ClientStylesExplainer() {}

  @Override
  public Map<String, String> explain() {
    return Map.of(
        CLIENT, "Low-level API",
        RESOURCE, "High-level abstraction",
        CLIENT_ADVANTAGE, "Full control",
        RESOURCE_ADVANTAGE, "Less code");
  }
}
