package io.gaborflow.tensorflow.summary;

import io.gaborflow.tensorflow.graph.ConvBank;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.VariableKey;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.render.FilterGridImage;
import io.gaborflow.tensorflow.train.ModelView;
import io.gaborflow.tensorflow.train.RunControl;
import io.gaborflow.tensorflow.train.StepEvent;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
  /** Filters per row of a bank's image. */
  static final int FILTERS_PER_ROW = 16;

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
      if (shape.length == 4) {
        filterImage(bank.path(), model.valueOf(bank.kernel()), shape);
      }
    }
    for (LearnableVariable v : model.network().learnables()) {
      if (v.key().role() == VariableKey.Role.KERNEL) {
        writer.histogram("kernels/" + v.name(), lastStep, model.valueOf(v.variable()));
      }
    }
    epochDone(result);
  }

  /**
   * The filters of a {@code [k, k, in, n]} kernel (HWIO, as the graph holds it), each the mean over
   * its input channels, in rows of at most {@link #FILTERS_PER_ROW}.
   */
  private void filterImage(String bank, float[] hwio, long[] shape) {
    int k = (int) shape[0];
    int in = (int) shape[2];
    int n = (int) shape[3];
    List<FilterGridImage.Tile> tiles = new ArrayList<>(n);
    for (int f = 0; f < n; f++) {
      double[] mean = new double[k * k];
      for (int tap = 0; tap < k * k; tap++) {
        for (int c = 0; c < in; c++) {
          mean[tap] += hwio[(tap * in + c) * n + f] / in;
        }
      }
      tiles.add(new FilterGridImage.Tile(mean, k, null));
    }
    int columns = Math.min(n, FILTERS_PER_ROW);
    BufferedImage grid = FilterGridImage.render(tiles, columns);
    writer.image(
        "filters/" + bank,
        lastStep,
        FilterGridImage.png(grid),
        grid.getHeight(),
        grid.getWidth(),
        3);
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
    result.metrics().forEach((tag, value) -> writer.scalar(tag, lastStep, value));
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
