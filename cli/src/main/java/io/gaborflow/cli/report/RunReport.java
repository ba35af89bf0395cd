package io.gaborflow.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JSON report of a run. Field names are snake_case and stable: scripts read them.
 *
 * <pre>{"model", "dataset", "train_images", "test_images", "config": {...},
 *  "validation_images",
 *  "epochs": [{"epoch", "seconds", "train_loss", "test_loss", "test_accuracy", "images_per_second",
 *      "input_wait_seconds", "validation_loss", "validation_accuracy"}],
 *  "best_validation_epoch": {"epoch", "validation_accuracy", "test_accuracy"},
 *  "test_accuracy", "test_loss", "parameters": {"learnable", "fixed"}, "workers",
 *  "global_batch", "batch_per_worker", "recipe"}</pre>
 *
 * <p>{@code "recipe"}, when the run used one, is the line the run printed at its start: the
 * recipe's name and the flags it set.
 */
public final class RunReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReport() {}

  /**
   * How the run was made, beyond its result: the recipe line (null for none) and the number of
   * workers that shared each step's batch (1 in one process).
   */
  public record Context(String recipe, int workers) {
    /** One process, no recipe. */
    public static final Context LOCAL = new Context(null, 1);
  }

  /** The report of {@code result}, run as {@code context} says, as JSON. */
  public static ObjectNode toJson(TrainingResult result, Context context) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", result.model());
    root.put("dataset", result.dataset());
    root.put("train_images", result.trainImages());
    root.put("test_images", result.testImages());
    root.put("validation_images", result.validationImages());
    TrainingConfig c = result.config();
    ConfigJson.put(root.putObject("config"), c);
    ArrayNode epochs = root.putArray("epochs");
    for (EpochResult e : result.epochs()) {
      ObjectNode epoch = epochs.addObject();
      epoch.put("epoch", e.epoch());
      epoch.put("seconds", e.seconds());
      epoch.put("train_loss", e.trainLoss());
      epoch.put("test_loss", e.testLoss());
      epoch.put("test_accuracy", e.testAccuracy());
      if (e.validated()) {
        epoch.put("validation_loss", e.validationLoss());
        epoch.put("validation_accuracy", e.validationAccuracy());
      }
      e.metrics().forEach((key, value) -> epoch.put(key.replace('/', '_'), value));
      epoch.put("images_per_second", e.imagesPerSecond());
      epoch.put("input_wait_seconds", e.inputWaitSeconds());
    }
    root.put("test_accuracy", result.testAccuracy());
    root.put("test_loss", result.finalEvaluation().loss());
    result
        .finalEvaluation()
        .metrics()
        .forEach((name, value) -> root.put(EpochResult.TEST.replace('/', '_') + name, value));
    result
        .bestValidationEpoch()
        .ifPresent(
            best -> {
              ObjectNode node = root.putObject("best_validation_epoch");
              node.put("epoch", best.epoch());
              node.put("validation_accuracy", best.validationAccuracy());
              node.put("test_accuracy", best.testAccuracy());
            });
    ObjectNode parameters = root.putObject("parameters");
    parameters.put("learnable", result.learnableParameters());
    parameters.put("fixed", result.fixedParameters());
    root.put("workers", context.workers());
    root.put("global_batch", c.batchSize());
    root.put("batch_per_worker", c.batchSize() / context.workers());
    if (context.recipe() != null) {
      root.put("recipe", context.recipe());
    }
    return root;
  }

  /**
   * Fails now, with the reason, if {@code file} could not be written at the end of a run: a report
   * path mistake should not cost the run.
   */
  public static void requireWritable(Path file) {
    Path absolute = file.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new IllegalArgumentException(
          "report " + file + " is a directory; give a file name such as run.json");
    }
    try {
      Path dir = absolute.getParent();
      Files.createDirectories(dir);
      Files.deleteIfExists(Files.createTempFile(dir, ".report-check-", ".tmp"));
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("cannot write report " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the report to {@code file} through a temporary file, so a crash never leaves half a
   * report.
   */
  public static void write(TrainingResult result, Context context, Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Path dir = absolute.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
      JSON.writeValue(tmp.toFile(), toJson(result, context));
      Files.move(
          tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
    }
  }
}
