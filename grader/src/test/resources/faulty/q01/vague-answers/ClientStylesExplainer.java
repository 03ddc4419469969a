// Faulty: fills every key with vague text that names none of the key ideas.
package dev.awskit.solutions.q01;

import dev.awskit.exercises.q01.ClientStyles;
import java.util.Map;

public class ClientStylesExplainer implements ClientStyles {

  public ClientStylesExplainer() {}

  @Override
  public Map<String, String> explain() {
    return Map.of(
        CLIENT, "It is one way to use AWS from Java.",
        RESOURCE, "It is another way to use AWS from Java.",
        CLIENT_ADVANTAGE, "It is good.",
        RESOURCE_ADVANTAGE, "It is nice to use.");
  }
}
