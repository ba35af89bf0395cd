package io.gaborflow.tensorflow.checkpoint;

import io.gaborflow.tensorflow.history.EpochResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint records besides the variables: which model and run wrote it, how far the run
 * got, and the epochs' figures so far (so a resumed run reports the whole run).
 *
 * @param epoch the last complete epoch
 * @param variables every saved variable's name and shape, checked before restoring
 * @param stepsDone steps of epoch {@code epoch + 1} done before a stop asked by a listener; 0 at an
 *     epoch's end
 * @param partialLossSum the sum of those steps' losses, so the epoch's mean loss comes out whole
 * @param run the settings that identify the run that wrote it ({@code RunIdentity}), which a
 *     resumed run must keep; null in checkpoints written before gaborflow recorded them
 */
public record CheckpointState(
    String model,
    int epoch,
    int totalEpochs,
    long seed,
    Map<String, List<Long>> variables,
    List<EpochResult> epochs,
    int stepsDone,
    double partialLossSum,
    Map<String, String> run) {

  /** Copies the maps and lists. */
  public CheckpointState {
    variables = Map.copyOf(variables);
    epochs = List.copyOf(epochs);
    run = run == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(run));
  }

  /** A checkpoint at the end of epoch {@code epoch}, of a run identified by {@code run}. */
  public CheckpointState(
      String model,
      int epoch,
      int totalEpochs,
      long seed,
      Map<String, List<Long>> variables,
      List<EpochResult> epochs,
      Map<String, String> run) {
    this(model, epoch, totalEpochs, seed, variables, epochs, 0, 0, run);
  }

  /** The checkpoint's folder name: {@code epoch-3}, or {@code epoch-3-step-120} mid-epoch 4. */
  public String name() {
    return "epoch-" + epoch + (stepsDone == 0 ? "" : "-step-" + stepsDone);
  }
}
