package dev.awskit.exercises.q01;

import dev.awskit.exercises.NotImplementedYet;
import java.util.Map;

/** Explains service clients and high-level libraries. Complete this class. */
public class ClientStylesExplainer implements ClientStyles {

  /** Creates the explainer; it needs no AWS client. */
  public ClientStylesExplainer() {}

  @Override
  public Map<String, String> explain() {
    throw new NotImplementedYet(1);
  }
}
