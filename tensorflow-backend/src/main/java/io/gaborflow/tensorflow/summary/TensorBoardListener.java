package io.gaborflow.tensorflow.summary;

import io.gaborflow.tensorflow.graph.ConvBank;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.VariableKey;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.train.ModelView;
import io.gaborflow.tensorflow.train.RunControl;
import io.gaborflow.tensorflow.train.StepEvent;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.nio.file.Path;

/**
 * Writes a run's curves for TensorBoard into a directory: per step {@code train/loss}, {@code
 * train/learning_rate} and {@code train/images_per_second}, at the step's index in the run; per
 * epoch, at the index of the epoch's last step, {@code epoch/train_loss}, {@code test/loss}, {@code
 * test/accuracy}, {@code validation/loss} and {@code validation/accuracy} (with a validation
 * split), {@code epoch/seconds} and {@code epoch/input_wait_seconds}; and per epoch an image of
 * every bank's filters ({@code filters/<bank>}) and a histogram of every learnable kernel ({@code
 * kernels/<variable>}). Events are flushed after every epoch and at the end; {@code tensorboard
 * --logdir DIR} shows them.
 */
public final class TensorBoardListener implements TrainingListener, AutoCloseable {
  private final Path directory;
  private EventFileWriter writer;
  private long lastStep;

  /** A listener writing under {@code directory}; its event file is created when the run starts. */
  public TensorBoardListener(Path directory) {
    this.directory = directory;
  }

  @Override
  public void runStarted(RunControl control) {
    if (writer == null) {
      writer = new EventFileWriter(directory);
    }
  }

  @Override
  public void stepDone(StepEvent step) {
    long at = step.globalStep();
    lastStep = at;
    if (!Double.isNaN(step.loss())) {
      writer.scalar("train/loss", at, step.loss());
    }
    writer.scalar("train/learning_rate", at, step.learningRate());
    writer.scalar("train/images_per_second", at, step.imagesPerSecond());
  }

  @Override
  public void epochDone(EpochResult result, ModelView model) {
    for (ConvBank bank : model.network().convBanks()) {
      long[] shape = bank.kernel().shape().asArray();
      if (shape.length != 4) {
        continue;
      }
      FilterImage image =
          FilterImage.of(
              model.valueOf(bank.kernel()), (int) shape[0], (int) shape[2], (int) shape[3]);
      writer.image(
          "filters/" + bank.path(), lastStep, image.png(), image.height(), image.width(), 1);
    }
    for (LearnableVariable v : model.network().learnables()) {
      if (v.key().role() == VariableKey.Role.KERNEL) {
        writer.histogram("kernels/" + v.name(), lastStep, model.valueOf(v.variable()));
      }
    }
    epochDone(result);
  }

  @Override
  public void epochDone(EpochResult result) {
    writer.scalar("epoch/train_loss", lastStep, result.trainLoss());
    writer.scalar("test/loss", lastStep, result.testLoss());
    writer.scalar("test/accuracy", lastStep, result.testAccuracy());
    if (result.validated()) {
      writer.scalar("validation/loss", lastStep, result.validationLoss());
      writer.scalar("validation/accuracy", lastStep, result.validationAccuracy());
    }
    writer.scalar("epoch/seconds", lastStep, result.seconds());
    writer.scalar("epoch/input_wait_seconds", lastStep, result.inputWaitSeconds());
    writer.flush();
  }

  /** The event file, once the run has started. */
  public Path file() {
    return writer == null ? null : writer.file();
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
