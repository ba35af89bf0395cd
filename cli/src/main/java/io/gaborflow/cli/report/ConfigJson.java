package io.gaborflow.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.tensorflow.train.RunIdentity;
import io.gaborflow.tensorflow.train.TrainingConfig;

/**
 * Every training setting as a report's {@code "config"} object, named as {@link RunIdentity} names
 * them: one layout for every report.
 */
public final class ConfigJson {
  private ConfigJson() {}

  /** Puts each setting of {@code c} into {@code config}, snake_case. */
  public static void put(ObjectNode config, TrainingConfig c) {
    for (RunIdentity.Setting setting : RunIdentity.SETTINGS) {
      config.putPOJO(setting.key(), setting.valueIn(c));
    }
  }
}
