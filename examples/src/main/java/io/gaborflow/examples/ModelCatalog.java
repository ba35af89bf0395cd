package io.gaborflow.examples;

import io.gaborflow.examples.inject.DaggerGaborLeNetComponent;
import io.gaborflow.examples.inject.DaggerLeNetComponent;
import io.gaborflow.examples.inject.ModelComponent;
import io.gaborflow.examples.models.GaborLeNetGraph;
import io.gaborflow.examples.models.LeNetGraph;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.Map;
import java.util.TreeMap;

/** The example models by command-line name, each with the Dagger component that builds its trainer. */
public final class ModelCatalog {
  private static final Map<String, ModelComponent.Factory<?>> FACTORIES =
      new TreeMap<>(
          Map.of(
              LeNetGraph.MODEL_NAME, DaggerLeNetComponent.factory(),
              GaborLeNetGraph.MODEL_NAME, DaggerGaborLeNetComponent.factory()));

  private ModelCatalog() {}

  public static Iterable<String> names() {
    return FACTORIES.keySet();
  }

  /** The trainer of model {@code name} for {@code config} and {@code data}. */
  public static ModelTrainer trainer(String name, TrainingConfig config, DataSpec data) {
    ModelComponent.Factory<?> factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown model '" + name + "'; use one of: " + String.join(", ", FACTORIES.keySet()));
    }
    return factory.create(config, data).trainer();
  }
}
