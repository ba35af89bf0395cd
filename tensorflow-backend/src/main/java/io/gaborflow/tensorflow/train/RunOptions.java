package io.gaborflow.tensorflow.train;

import java.nio.file.Path;

/**
 * Where a run keeps its checkpoints and puts its exported model; unlike {@link TrainingConfig},
 * nothing here changes the result.
 *
 * @param checkpointDir where to write a checkpoint after every epoch, or {@code null}
 * @param resume continue from the newest checkpoint in {@code checkpointDir}, if there is one
 * @param exportDir where to write a SavedModel after training, or {@code null}
 */
public record RunOptions(Path checkpointDir, boolean resume, Path exportDir) {
  /** No checkpoints, no export. */
  public static final RunOptions NONE = new RunOptions(null, false, null);

  /** Only an export to {@code directory} after training. */
  public static RunOptions exportTo(Path directory) {
    return new RunOptions(null, false, directory);
  }

  /** Checkpoints after every epoch in {@code directory}; {@code resume} continues from the newest. */
  public static RunOptions checkpointsIn(Path directory, boolean resume) {
    return new RunOptions(directory, resume, null);
  }

  /** These options, with an export to {@code directory} after training. */
  public RunOptions withExport(Path directory) {
    return new RunOptions(checkpointDir, resume, directory);
  }

  /** Checks that resuming has checkpoints to resume from. */
  public RunOptions {
    if (resume && checkpointDir == null) {
      throw new IllegalArgumentException("--resume needs --checkpoint-dir: the checkpoints to resume from");
    }
  }
}
