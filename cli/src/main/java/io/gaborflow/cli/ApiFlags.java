package io.gaborflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The library's errors name the Java settings a user of the API set ({@code RunOptions.resume}); on
 * the command line the same settings are flags, so the messages it prints name those.
 */
final class ApiFlags {
  /** Java setting to flag, longest names first so that none is replaced inside another. */
  private static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("RunOptions.checkpointsIn", "--checkpoint-dir");
    FLAGS.put("RunOptions.workerTimeout", "--worker-timeout");
    FLAGS.put("RunOptions.exportTo", "--export");
    FLAGS.put("RunOptions.resume", "--resume");
    FLAGS.put("TrainingConfig.epochs", "--epochs");
    FLAGS.put("TrainingConfig.seed", "--seed");
    FLAGS.put("DataSpec.limited training limit", "--limit-train");
    FLAGS.put("DataSpec.limited test limit", "--limit-test");
    FLAGS.put("DataSpec.limited", "--limit-train/--limit-test");
    FLAGS.put("DataSpec.standardizedFrom", "--normalize-sample");
    FLAGS.put("DataSpec.validation", "--validation");
    FLAGS.put("TrainingConfig.precision BF16", "--precision bf16");
    FLAGS.put("TrainingConfig.precision", "--precision");
    FLAGS.put("TrainingConfig.weightDecay", "--weight-decay");
    FLAGS.put("TrainingConfig.decayGabor", "--decay-gabor");
    FLAGS.put("TrainingConfig.gaborRateScale", "--gabor-rate-scale");
    FLAGS.put("TrainingConfig.learningRate", "--learning-rate");
    FLAGS.put("TrainingConfig.batchSize", "--batch-size");
    FLAGS.put("TrainingConfig.schedule", "--lr-schedule");
    FLAGS.put("TrainingConfig.optimizer", "--optimizer/--momentum/--nesterov");
    FLAGS.put("TrainingConfig.labelSmoothing", "--label-smoothing");
    FLAGS.put("TrainingConfig.flipEvaluation", "--flip-eval");
    FLAGS.put("TrainingConfig.augment", "--augment");
    FLAGS.put("TrainingConfig.deterministic", "--deterministic");
    FLAGS.put("DataSpec.skippingBadFiles", "--skip-bad-files");
    FLAGS.put("DataSpec.cachedOnDisk", "--cache-dir");
    FLAGS.put("DataSpec.resizedTo", "--resize");
  }

  private ApiFlags() {}

  /** {@code message} with each Java setting it names replaced by its flag. */
  static String translate(String message) {
    String translated = message;
    for (Map.Entry<String, String> setting : FLAGS.entrySet()) {
      translated = translated.replace(setting.getKey(), setting.getValue());
    }
    return translated;
  }
}
