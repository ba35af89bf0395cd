package io.gaborflow.tensorflow.checkpoint;

import io.gaborflow.tensorflow.history.EpochResult;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint records besides the variables: which model and run wrote it, how far the run
 * got, and the epochs' figures so far (so a resumed run reports the whole run).
 *
 * @param variables every saved variable's name and shape, checked before restoring
 */
public record CheckpointState(
    String model,
    int epoch,
    int totalEpochs,
    long seed,
    Map<String, List<Long>> variables,
    List<EpochResult> epochs) {

  public CheckpointState {
    variables = Map.copyOf(variables);
    epochs = List.copyOf(epochs);
  }
}
