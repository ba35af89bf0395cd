package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.distributed.RunField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Every {@link TrainingConfig} setting, once: how reports name it, and whether it identifies a run.
 * The settings that identify a run change what it learns or reports; workers of one run must agree
 * on them, and a resumed run must keep them. The others (threads, evaluation batch, layer form)
 * change only how fast it goes.
 */
public final class RunIdentity {
  /**
   * One setting.
   *
   * @param component the {@link TrainingConfig} component, as errors name it ({@code
   *     TrainingConfig.weightDecay})
   * @param key its name in reports ({@code weight_decay})
   * @param value reads it from a configuration
   * @param identifies whether it identifies a run
   */
  public record Setting(
      String component, String key, Function<TrainingConfig, Object> value, boolean identifies) {
    /** The value in {@code config}, as reports write it (enum constants in lower case). */
    public Object valueIn(TrainingConfig config) {
      Object v = value.apply(config);
      if (v instanceof Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
      }
      return v instanceof Number || v instanceof Boolean ? v : String.valueOf(v);
    }

    /** The setting in {@code config} as a field workers compare. */
    RunField field(TrainingConfig config) {
      Object v = value.apply(config);
      String name = "TrainingConfig." + component;
      if (v instanceof Float f) {
        return new RunField(name, v.toString(), f, d -> Float.toString((float) d));
      }
      if (v instanceof Integer i) {
        return new RunField(name, v.toString(), i, d -> Long.toString(Math.round(d)));
      }
      if (v instanceof Boolean b) {
        return new RunField(name, v.toString(), b ? 1 : 0, d -> Boolean.toString(d != 0));
      }
      if (v instanceof Enum<?> e) {
        Enum<?>[] constants = e.getDeclaringClass().getEnumConstants();
        DoubleFunction<String> show = d -> constants[(int) Math.round(d)].name();
        return new RunField(name, e.name(), e.ordinal(), show);
      }
      return RunField.of(name, String.valueOf(v));
    }
  }

  /** Every setting, in the order reports list them. */
  public static final List<Setting> SETTINGS =
      List.of(
          identifying("epochs", "epochs", TrainingConfig::epochs),
          identifying("batchSize", "batch_size", TrainingConfig::batchSize),
          identifying("learningRate", "learning_rate", TrainingConfig::learningRate),
          identifying("schedule", "schedule", TrainingConfig::schedule),
          identifying("optimizer", "optimizer", TrainingConfig::optimizer),
          identifying("weightDecay", "weight_decay", TrainingConfig::weightDecay),
          identifying("decayGabor", "decay_gabor", TrainingConfig::decayGabor),
          identifying("gaborRateScale", "gabor_rate_scale", TrainingConfig::gaborRateScale),
          identifying("labelSmoothing", "label_smoothing", TrainingConfig::labelSmoothing),
          identifying("flipEvaluation", "flip_evaluation", TrainingConfig::flipEvaluation),
          identifying("precision", "precision", TrainingConfig::precision),
          identifying("augment", "augment", TrainingConfig::augment),
          identifying("deterministic", "deterministic", TrainingConfig::deterministic),
          identifying("seed", "seed", TrainingConfig::seed),
          notIdentifying("layerForm", "layer_form", TrainingConfig::layerForm),
          notIdentifying("threads", "threads", TrainingConfig::threads),
          notIdentifying("evalBatchSize", "eval_batch_size", TrainingConfig::evalBatchSize));

  private RunIdentity() {}

  private static Setting identifying(
      String component, String key, Function<TrainingConfig, Object> value) {
    return new Setting(component, key, value, true);
  }

  private static Setting notIdentifying(
      String component, String key, Function<TrainingConfig, Object> value) {
    return new Setting(component, key, value, false);
  }

  /** The settings of {@code config} that identify its run, as fields workers compare. */
  static List<RunField> fields(TrainingConfig config) {
    return SETTINGS.stream().filter(Setting::identifies).map(s -> s.field(config)).toList();
  }

  /**
   * The settings of {@code config} that identify its run, by component, as a checkpoint keeps them.
   */
  public static Map<String, String> of(TrainingConfig config) {
    Map<String, String> run = new LinkedHashMap<>();
    for (RunField field : fields(config)) {
      run.put(field.name(), field.value());
    }
    return run;
  }
}
