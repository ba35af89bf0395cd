package io.gaborflow.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.tensorflow.train.TrainingConfig;

/** Every training setting as a report's {@code "config"} object: one layout for every report. */
public final class ConfigJson {
  private ConfigJson() {}

  /** Puts each setting of {@code c} into {@code config}, snake_case. */
  public static void put(ObjectNode config, TrainingConfig c) {
    config.put("epochs", c.epochs());
    config.put("batch_size", c.batchSize());
    config.put("learning_rate", c.learningRate());
    config.put("optimizer", c.optimizer().name().toLowerCase(java.util.Locale.ROOT));
    config.put("momentum", c.momentum());
    config.put("nesterov", c.nesterov());
    config.put("schedule", String.valueOf(c.schedule()));
    config.put("weight_decay", c.weightDecay());
    config.put("decay_gabor", c.decayGabor());
    config.put("label_smoothing", c.labelSmoothing());
    config.put("flip_evaluation", c.flipEvaluation());
    config.put("gabor_rate_scale", c.gaborRateScale());
    config.put("precision", c.precision().name().toLowerCase(java.util.Locale.ROOT));
    config.put("layer_form", c.layerForm().name().toLowerCase(java.util.Locale.ROOT));
    config.put("seed", c.seed());
    config.put("threads", c.threads());
    config.put("augment", c.augment());
  }
}
