package io.gaborflow.processor.reading;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.Step;
import java.util.List;

/**
 * A valid network: its description, and the steps it was declared with, which the generated code
 * replays through the same builder.
 */
public record DeclaredNetwork(NetworkSpec spec, List<Step> steps) {
  public DeclaredNetwork {
    steps = List.copyOf(steps);
  }
}
