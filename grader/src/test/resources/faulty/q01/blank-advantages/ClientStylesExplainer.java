// Faulty: describes both styles but leaves the two advantages blank.
package dev.awskit.solutions.q01;

import dev.awskit.exercises.q01.ClientStyles;
import java.util.Map;

public class ClientStylesExplainer implements ClientStyles {

  public ClientStylesExplainer() {}

  @Override
  public Map<String, String> explain() {
    return Map.of(
        CLIENT, "A low-level client with one method per API operation, using request and response objects.",
        RESOURCE, "The high-level libraries: the DynamoDB Enhanced Client maps Java objects, the Transfer Manager moves files.",
        CLIENT_ADVANTAGE, "",
        RESOURCE_ADVANTAGE, "  ");
  }
}
