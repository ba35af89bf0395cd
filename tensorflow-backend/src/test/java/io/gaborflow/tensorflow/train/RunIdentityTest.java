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

  @Test
  void eachSettingReadsItsOwnComponent() throws Exception {
    TrainingConfig config = TrainingConfig.builder().build();
    for (RunIdentity.Setting setting : RunIdentity.SETTINGS) {
      Object expected =
          TrainingConfig.class
              .getRecordComponents()[
              Arrays.stream(TrainingConfig.class.getRecordComponents())
                  .map(RecordComponent::getName)
                  .toList()
                  .indexOf(setting.component())]
              .getAccessor()
              .invoke(config);
      assertEquals(expected, setting.value().apply(config), setting.component());
    }
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
  }
}
