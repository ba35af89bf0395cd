package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every training setting is placed in or out of what identifies a run, and read as itself. */
class RunIdentityTest {
  @Test
  void everySettingOfTheConfigurationIsPlacedOnce() {
    List<String> components =
        Arrays.stream(TrainingConfig.class.getRecordComponents())
            .map(RecordComponent::getName)
            .sorted()
            .toList();
    List<String> placed =
        RunIdentity.SETTINGS.stream().map(RunIdentity.Setting::component).sorted().toList();
    assertEquals(
        components,
        placed,
        "a TrainingConfig setting is missing from RunIdentity.SETTINGS (or named twice): place it"
            + " in or out of what identifies a run");
  }

  /**
   * Each setting reads its own component: a configuration that differs from the default in one
   * component differs in that setting's value, and in no other's.
   */
  @Test
  void eachSettingReadsItsOwnComponent() throws Exception {
    TrainingConfig base = TrainingConfig.builder().build();
    RecordComponent[] components = TrainingConfig.class.getRecordComponents();
    for (int changed = 0; changed < components.length; changed++) {
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        args[i] = components[i].getAccessor().invoke(base);
      }
      args[changed] = another(args[changed]);
      TrainingConfig altered = TrainingConfig.class.getDeclaredConstructor(types).newInstance(args);
      String name = components[changed].getName();
      for (RunIdentity.Setting setting : RunIdentity.SETTINGS) {
        boolean differs = !setting.value().apply(base).equals(setting.value().apply(altered));
        assertEquals(
            setting.component().equals(name),
            differs,
            "changing " + name + " changes " + setting.component() + ": " + differs);
      }
    }
  }

  /** A valid value other than {@code value}, of its type. */
  private static Object another(Object value) {
    if (value instanceof Boolean b) {
      return !b;
    }
    if (value instanceof Integer i) {
      return i + 1;
    }
    if (value instanceof Long l) {
      return l + 1;
    }
    if (value instanceof Float f) {
      return f == 0 ? 0.1f : f / 2;
    }
    if (value instanceof Enum<?> e) {
      Object[] constants = e.getDeclaringClass().getEnumConstants();
      return constants[(e.ordinal() + 1) % constants.length];
    }
    if (value instanceof Optimizer optimizer) {
      return optimizer instanceof Optimizer.Adam ? Optimizer.momentum(0.9f) : Optimizer.adam();
    }
    if (value instanceof LearningRateSchedule schedule) {
      return schedule.equals(LearningRateSchedule.cosine())
          ? LearningRateSchedule.linear()
          : LearningRateSchedule.cosine();
    }
    throw new AssertionError("no other value for " + value);
  }

  @Test
  void weightDecayAndPrecisionIdentifyARunAndThreadsDoNot() {
    TrainingConfig base = TrainingConfig.builder().build();
    assertNotEquals(
        RunIdentity.of(base), RunIdentity.of(base.toBuilder().weightDecay(5e-4f).build()));
    assertNotEquals(
        RunIdentity.of(base),
        RunIdentity.of(
            base.toBuilder().precision(io.gaborflow.tensorflow.runtime.Precision.BF16).build()));
    assertEquals(RunIdentity.of(base), RunIdentity.of(base.toBuilder().threads(7).build()));
    TrainingConfig momentum = base.toBuilder().optimizer(Optimizer.momentum(0.9f)).build();
    assertNotEquals(
        RunIdentity.of(momentum),
        RunIdentity.of(momentum.toBuilder().optimizer(Optimizer.momentum(0.8f)).build()),
        "an optimizer's own setting identifies the run");
    assertNotEquals(
        RunIdentity.of(momentum),
        RunIdentity.of(
            momentum.toBuilder().optimizer(Optimizer.momentum(0.9f).withNesterov()).build()));
  }
}
