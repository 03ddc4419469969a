// Hostile: fills the memory on every call, until the JVM runs out of it.
package dev.awskit.solutions.q01;

import dev.awskit.exercises.q01.ClientStyles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hoards memory instead of explaining anything. */
public class ClientStylesExplainer implements ClientStyles {

  /** Creates the explainer. */
  public ClientStylesExplainer() {}

  @Override
  public Map<String, String> explain() {
    List<long[]> hoard = new ArrayList<>();
    while (hoard.size() >= 0) {
      hoard.add(new long[1 << 20]);
    }
    return Map.of();
  }
}
